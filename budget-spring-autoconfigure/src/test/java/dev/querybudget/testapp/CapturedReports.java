package dev.querybudget.testapp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.querybudget.BudgetViolationListener;
import dev.querybudget.ScopeReport;

/**
 * Keeps the report of every scope that closes.
 */
public class CapturedReports implements BudgetViolationListener {

	private final List<ScopeReport> reports = new CopyOnWriteArrayList<>();

	@Override
	public void scopeClosed(ScopeReport report) {
		this.reports.add(report);
	}

	public void clear() {
		this.reports.clear();
	}

	public List<ScopeReport> all() {
		return List.copyOf(this.reports);
	}

	/**
	 * Returns the report of the only scope with this name, waiting for it to close.
	 */
	public ScopeReport only(String name) {
		return named(name, 1).get(0);
	}

	/**
	 * Returns the reports of the scopes with this name, waiting for {@code count} of them
	 * to close: on a running server a scope closes after its response is sent.
	 */
	public List<ScopeReport> named(String name, int count) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			List<ScopeReport> named = this.reports.stream().filter((report) -> report.name().equals(name)).toList();
			if (named.size() == count) {
				return named;
			}
			if (named.size() > count || System.nanoTime() > deadline) {
				throw new AssertionError("Expected " + count + " scopes named '" + name + "' but got " + named
						+ " among " + this.reports.stream().map(ScopeReport::name).toList());
			}
			try {
				Thread.sleep(10);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
