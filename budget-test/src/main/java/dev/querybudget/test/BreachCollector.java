package dev.querybudget.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.querybudget.BudgetViolationListener;
import dev.querybudget.ScopeKind;
import dev.querybudget.ScopeReport;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the report of every scope that breaks its budget while a test window is open,
 * whatever thread closed it (a server thread for a real HTTP request) and whether or not
 * the application swallowed the exception. {@link ScopeKind#TEST} scopes are left out:
 * the test judges its own.
 */
final class BreachCollector implements BudgetViolationListener {

	static final String BEAN_NAME = "queryBudgetTestBreachCollector";

	private volatile @Nullable Window window;

	@Override
	public void scopeClosed(ScopeReport report) {
		Window current = this.window;
		if (current != null && report.isBreached() && report.kind() != ScopeKind.TEST) {
			current.breaches.add(report);
		}
	}

	/**
	 * Starts collecting, until the returned window is finished or closed.
	 */
	Window open() {
		Window opened = new Window(this);
		this.window = opened;
		return opened;
	}

	/**
	 * The breaches collected between {@link BreachCollector#open()} and
	 * {@link #finish()}.
	 */
	static final class Window implements AutoCloseable {

		private final BreachCollector collector;

		private final List<ScopeReport> breaches = new CopyOnWriteArrayList<>();

		private Window(BreachCollector collector) {
			this.collector = collector;
		}

		/**
		 * Stops collecting and returns the breaches, in the order the scopes closed.
		 */
		List<ScopeReport> finish() {
			if (this.collector.window == this) {
				this.collector.window = null;
			}
			return List.copyOf(this.breaches);
		}

		@Override
		public void close() {
			finish();
		}

	}

}
