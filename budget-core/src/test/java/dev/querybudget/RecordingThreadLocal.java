package dev.querybudget;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts how often the tracker's thread-local is given a scope stack, cleared (set to
 * {@code null}) and removed, on any thread.
 */
final class RecordingThreadLocal extends ThreadLocal<ActiveScopes> {

	final AtomicInteger sets = new AtomicInteger();

	final AtomicInteger clears = new AtomicInteger();

	final AtomicInteger removes = new AtomicInteger();

	@Override
	public void set(ActiveScopes value) {
		((value != null) ? this.sets : this.clears).incrementAndGet();
		super.set(value);
	}

	@Override
	public void remove() {
		this.removes.incrementAndGet();
		super.remove();
	}

}
