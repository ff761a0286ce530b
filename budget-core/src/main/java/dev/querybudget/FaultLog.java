package dev.querybudget;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * Logs the library's own failures once per source, so that a fault that repeats on every
 * statement or every request (a throwing meter registry, a poisoned parameter type) costs
 * one WARNING with its stack, not one per request; repeats go to DEBUG. Every failure is
 * counted, see {@link QueryBudgetTracker#internalErrorCount()}. One per tracker.
 */
final class FaultLog {

	/**
	 * Sources are class and method names, bounded in practice; the cap keeps a
	 * pathological source (say, an exception class generated per call) from growing the
	 * set without end. Beyond it, new sources are logged at DEBUG only.
	 */
	static final int MAX_SOURCES = 128;

	private static final Logger logger = System.getLogger(QueryScope.class.getName());

	private static final String REPEATS = " Logged once; repeats are logged at DEBUG and counted by "
			+ "QueryBudgetTracker.internalErrorCount().";

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	private final LongAdder count = new LongAdder();

	/**
	 * A {@link BudgetViolationListener} threw while a scope closed: one source per
	 * listener class, whatever it threw.
	 */
	void listenerFailed(BudgetViolationListener listener, QueryScope scope, RuntimeException failure) {
		String type = listener.getClass().getName();
		log("listener " + type, failure, () -> "BudgetViolationListener " + type + " failed for scope '" + scope.name()
				+ "'; the scope closed normally and the other listeners ran.");
	}

	/**
	 * The engine threw while recording a statement, and the scope stopped counting: one
	 * source per exception type and the method that threw it.
	 */
	void engineFailed(QueryScope scope, Throwable failure) {
		log(engineSource(failure), failure, () -> "Query budget scope '" + scope.name()
				+ "' stopped counting after an internal error; its report is incomplete. The statement ran normally.");
	}

	/**
	 * The engine threw while building, formatting or logging the report of a closing
	 * scope: one source per exception type and the method that threw it.
	 */
	void reportFailed(QueryScope scope, Throwable failure) {
		log("report " + engineSource(failure), failure, () -> "Query budget scope '" + scope.name()
				+ "' closed without its report after an internal error. The request or job went on.");
	}

	/**
	 * A scope opened on a thread was still open when the unit of work around it left the
	 * thread: one source per scope kind and name.
	 */
	void scopeAbandoned(QueryScope scope, QueryScope boundary, Thread thread) {
		log("abandoned " + scope.kind() + " " + scope.name(), null,
				() -> "Query budget scope '" + scope.name() + "' was opened on thread '" + thread.getName()
						+ "' and never closed; it was abandoned when '" + boundary.name()
						+ "' left the thread, counts nothing more and reports nothing. Close scopes with "
						+ "try-with-resources on the thread that opened them.");
	}

	long count() {
		return this.count.sum();
	}

	private void log(String source, @Nullable Throwable failure, Supplier<String> message) {
		this.count.increment();
		boolean first = this.seen.size() < MAX_SOURCES && this.seen.add(source);
		Level level = (first) ? Level.WARNING : Level.DEBUG;
		if (!logger.isLoggable(level)) {
			return;
		}
		String text = (first) ? message.get() + REPEATS : message.get();
		if (failure != null) {
			logger.log(level, text, failure);
		}
		else {
			logger.log(level, text);
		}
	}

	private static String engineSource(Throwable failure) {
		StackTraceElement[] stack = failure.getStackTrace();
		String type = failure.getClass().getName();
		// Without a stack (the JVM omits it for hot implicit exceptions), the type alone
		return (stack.length > 0) ? type + " at " + stack[0].getClassName() + "." + stack[0].getMethodName() : type;
	}

}
