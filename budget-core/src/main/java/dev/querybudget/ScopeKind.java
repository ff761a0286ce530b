package dev.querybudget;

/**
 * What a {@link QueryScope} stands for, so that reports and metrics can tell requests
 * from jobs and tests.
 *
 * @since 0.1.0
 */
public enum ScopeKind {

	/** An incoming request, for example an HTTP request. */
	REQUEST,

	/** A background or scheduled job. */
	JOB,

	/** A single method invocation. */
	METHOD,

	/** A test or a block inside a test. */
	TEST,

	/** Anything else the application delimits itself. */
	CUSTOM

}
