package dev.querybudget.testapp;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.autoconfigure.RequestOutcomes;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.task.TaskDecorator;

/**
 * Checks that the library leaves nothing on the threads that serve requests: every
 * servlet dispatch, seen from the outermost filter, and every task of the application
 * executor, seen from around the library's task decorator, must start and end with no
 * scope stack and no closing outcome in the library's thread-locals. Also records how
 * much concurrency the run really had.
 */
@TestComponent
class ThreadStateProbe {

	private final QueryBudgetTracker tracker;

	private final RequestOutcomes outcomes;

	private final DataSource dataSource;

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final Set<Thread> containerThreads = ConcurrentHashMap.newKeySet();

	private final Set<Thread> taskThreads = ConcurrentHashMap.newKeySet();

	private final AtomicInteger dispatches = new AtomicInteger();

	private final AtomicInteger tasks = new AtomicInteger();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger peakInFlight = new AtomicInteger();

	private final AtomicInteger peakConnectionWaits = new AtomicInteger();

	private volatile @Nullable HikariPoolMXBean pool;

	ThreadStateProbe(QueryBudgetTracker tracker, RequestOutcomes outcomes, DataSource dataSource) {
		this.tracker = tracker;
		this.outcomes = outcomes;
		this.dataSource = dataSource;
	}

	/**
	 * Returns the filter to register before every other one, for every dispatch type.
	 * @return the filter
	 */
	Filter filter() {
		return (request, response, chain) -> {
			String where = request.getDispatcherType() + " dispatch of "
					+ ((HttpServletRequest) request).getRequestURI();
			this.dispatches.incrementAndGet();
			this.containerThreads.add(Thread.currentThread());
			peak(this.peakInFlight, this.inFlight.incrementAndGet());
			checkClean("before the " + where);
			try {
				chain.doFilter(request, response);
			}
			finally {
				this.inFlight.decrementAndGet();
				checkClean("after the " + where);
			}
		};
	}

	/**
	 * Wraps the library's decorator, so that the check runs before the scope is attached
	 * and after it is detached.
	 * @param propagating the decorator Boot would apply on its own
	 * @return the checking decorator
	 */
	TaskDecorator around(TaskDecorator propagating) {
		return (task) -> {
			// Decorated now, on the submitting thread: that is where the context is
			// captured
			Runnable decorated = propagating.decorate(task);
			return () -> {
				this.tasks.incrementAndGet();
				this.taskThreads.add(Thread.currentThread());
				checkClean("before a task");
				try {
					decorated.run();
				}
				finally {
					checkClean("after a task");
				}
			};
		};
	}

	void sampleConnectionWaits() {
		peak(this.peakConnectionWaits, pool().getThreadsAwaitingConnection());
	}

	private void checkClean(String where) {
		if (this.tracker.activeScopes() != null || this.outcomes.current() != null) {
			this.violations.add(where + " on " + Thread.currentThread() + ": scope stack "
					+ ((this.tracker.activeScopes() != null) ? "left" : "gone") + " (current scope "
					+ this.tracker.current() + "), closing outcome " + this.outcomes.current());
		}
	}

	private HikariPoolMXBean pool() {
		HikariPoolMXBean pool = this.pool;
		if (pool == null) {
			try {
				pool = this.dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("The DataSource is not a Hikari pool", ex);
			}
			this.pool = pool;
		}
		return pool;
	}

	private static void peak(AtomicInteger peak, int value) {
		peak.accumulateAndGet(value, Math::max);
	}

	List<String> violations() {
		return List.copyOf(this.violations);
	}

	Set<Thread> containerThreads() {
		return Set.copyOf(this.containerThreads);
	}

	Set<Thread> taskThreads() {
		return Set.copyOf(this.taskThreads);
	}

	long dispatches() {
		return this.dispatches.get();
	}

	long tasks() {
		return this.tasks.get();
	}

	int peakInFlight() {
		return this.peakInFlight.get();
	}

	int peakConnectionWaits() {
		return this.peakConnectionWaits.get();
	}

	void clear() {
		this.violations.clear();
		this.containerThreads.clear();
		this.taskThreads.clear();
		this.dispatches.set(0);
		this.tasks.set(0);
		this.peakInFlight.set(0);
		this.peakConnectionWaits.set(0);
	}

}
