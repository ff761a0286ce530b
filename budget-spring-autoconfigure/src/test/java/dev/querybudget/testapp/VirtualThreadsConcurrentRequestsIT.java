package dev.querybudget.testapp;

import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import org.springframework.test.context.TestPropertySource;

/**
 * The concurrency scenario with {@code spring.threads.virtual.enabled}: Tomcat serves
 * every request, and the task executor runs every task, on a new virtual thread.
 */
@TestPropertySource(properties = "spring.threads.virtual.enabled=true")
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadsConcurrentRequestsIT extends ConcurrentRequestsScenario {

	@Override
	boolean virtualThreads() {
		return true;
	}

}
