package dev.querybudget;

import org.jspecify.annotations.Nullable;

/**
 * The one owner of a tracker's scope {@link ThreadLocal}. An instance per tracker, never
 * static, so that two trackers in one JVM never see each other's scopes; the value is
 * cleared as soon as a thread has no scope left, so pooled threads keep nothing.
 * <p>
 * Clearing sets the value to {@code null} rather than calling
 * {@link ThreadLocal#remove()}: the thread's map keeps an entry whose key is weak and
 * whose value is nothing, as any {@link ThreadLocal#get()} on the thread would leave it.
 * A request scope is opened and released on every request, and a removed entry must be
 * created again on the next one: a new weak reference each time, and a call into the
 * virtual machine to clear the old one.
 */
final class CurrentScopes {

	private final ThreadLocal<ActiveScopes> threadLocal;

	CurrentScopes(ThreadLocal<ActiveScopes> threadLocal) {
		this.threadLocal = threadLocal;
	}

	@Nullable ActiveScopes get() {
		return this.threadLocal.get();
	}

	ActiveScopes getOrCreate(CallSiteLocator locator, QueryBudgetTracker tracker) {
		ActiveScopes active = this.threadLocal.get();
		if (active == null) {
			active = new ActiveScopes(this, tracker, locator, Thread.currentThread());
			this.threadLocal.set(active);
		}
		return active;
	}

	/**
	 * Called by a thread's {@link ActiveScopes} when its depth reaches 0, on that thread.
	 */
	void release(ActiveScopes active) {
		if (this.threadLocal.get() == active) {
			this.threadLocal.set(null);
		}
	}

}
