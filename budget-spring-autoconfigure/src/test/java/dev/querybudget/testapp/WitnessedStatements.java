package dev.querybudget.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.querybudget.QueryBudgetTracker;
import dev.querybudget.QueryScope;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Async;

/**
 * Runs the statements of a numbered request and records, for each thread that runs some,
 * which scope was current there: the test correlates every request with its own scope
 * without putting anything of the request into the scope's report.
 */
@TestComponent
class WitnessedStatements {

	private final JdbcTemplate jdbc;

	private final QueryBudgetTracker tracker;

	private final ThreadStateProbe probe;

	private final Map<Integer, List<Sighting>> sightings = new ConcurrentHashMap<>();

	WitnessedStatements(JdbcTemplate jdbc, QueryBudgetTracker tracker, ThreadStateProbe probe) {
		this.jdbc = jdbc;
		this.tracker = tracker;
		this.probe = probe;
	}

	/**
	 * Runs {@code count} statements for the request on the calling thread.
	 * @param request the number the client gave the request
	 * @param count how many statements to run
	 * @param offset the first parameter value, so that no two statements of a request are
	 * exact duplicates
	 */
	public void run(int request, int count, int offset) {
		this.sightings.computeIfAbsent(request, (key) -> new CopyOnWriteArrayList<>())
			.add(new Sighting(this.tracker.current(), Thread.currentThread()));
		for (int i = 0; i < count; i++) {
			this.probe.sampleConnectionWaits();
			this.jdbc.queryForObject("select count(*) from qb_pet where id > ?", Long.class, offset + i);
		}
	}

	/**
	 * Runs {@link #run} on a thread of the {@code @Async} executor.
	 * @param request the number the client gave the request
	 * @param count how many statements to run
	 * @param offset the first parameter value
	 * @return {@code "ok"} once the statements ran
	 */
	@Async
	public CompletableFuture<String> runAsync(int request, int count, int offset) {
		run(request, count, offset);
		return CompletableFuture.completedFuture("ok");
	}

	List<Sighting> sightings(int request) {
		return this.sightings.getOrDefault(request, List.of());
	}

	void clear() {
		this.sightings.clear();
	}

	/**
	 * The scope that was current on a thread when it ran statements of a request.
	 */
	record Sighting(@Nullable QueryScope scope, Thread thread) {

	}

}
