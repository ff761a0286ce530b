package dev.querybudget;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often the tracker's thread-local value is set and removed, on any thread.
 */
final class RecordingThreadLocal extends ThreadLocal<ActiveScopes> {

	final AtomicInteger sets = new AtomicInteger();

	final AtomicInteger removes = new AtomicInteger();

	@Override
	public void set(ActiveScopes value) {
		this.sets.incrementAndGet();
		super.set(value);
	}

	@Override
	public void remove() {
		this.removes.incrementAndGet();
		super.remove();
	}

}
