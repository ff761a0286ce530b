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
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			List<ScopeReport> named = this.reports.stream().filter((report) -> report.name().equals(name)).toList();
			if (named.size() == 1) {
				return named.get(0);
			}
			if (named.size() > 1 || System.nanoTime() > deadline) {
				throw new AssertionError("Expected one scope named '" + name + "' but got " + named + " among "
						+ this.reports.stream().map(ScopeReport::name).toList());
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
