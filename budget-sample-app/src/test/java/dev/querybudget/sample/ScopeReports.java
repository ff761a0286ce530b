package dev.querybudget.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.querybudget.BudgetViolationListener;
import dev.querybudget.ScopeReport;

import org.springframework.boot.test.context.TestComponent;

/**
 * Captures the report of every scope that closes, so that a test can assert the report of
 * one request or job: its budget as the application resolved it, its verdict and its
 * findings, within budget or not. (budget-test's assertions judge a block's statements or
 * fail a test on any breach; they do not hand out the report of a scope the application
 * opened.)
 */
@TestComponent
class ScopeReports implements BudgetViolationListener {

	private final List<ScopeReport> reports = new CopyOnWriteArrayList<>();

	@Override
	public void scopeClosed(ScopeReport report) {
		this.reports.add(report);
	}

	/**
	 * Runs some work and returns the report of the one scope with the given name that
	 * closed during it.
	 * @param name the scope's name, such as {@code GET /naive/registrations}
	 * @param work the work, such as a MockMvc request
	 * @return the report
	 */
	ScopeReport of(String name, Work work) throws Exception {
		this.reports.clear();
		work.run();
		List<ScopeReport> named = this.reports.stream().filter((report) -> report.name().equals(name)).toList();
		if (named.size() != 1) {
			throw new AssertionError("Expected one scope named '" + name + "' but got "
					+ this.reports.stream().map(ScopeReport::name).toList());
		}
		return named.get(0);
	}

	/**
	 * Work that may throw.
	 */
	@FunctionalInterface
	interface Work {

		void run() throws Exception;

	}

}
