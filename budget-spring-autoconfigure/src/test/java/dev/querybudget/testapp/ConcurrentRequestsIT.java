package dev.querybudget.testapp;

/**
 * The concurrency scenario on Tomcat's and the task executor's thread pools.
 */
class ConcurrentRequestsIT extends ConcurrentRequestsScenario {

	@Override
	boolean virtualThreads() {
		return false;
	}

}
