package dev.querybudget;

import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Finds the first application frame on the stack. A class rather than a lambda, so that a
 * walk captures nothing; the stream is the StackWalker's own and is only iterated.
 */
final class CallSiteLocator implements Function<Stream<StackWalker.StackFrame>, @Nullable CallSite> {

	private static final StackWalker WALKER = StackWalker.getInstance();

	// the engine's own classes on the recording path, never a call site
	private static final String[] ENGINE_CLASSES = { "dev.querybudget.ActiveScopes", "dev.querybudget.QueryScope",
			"dev.querybudget.CallSiteLocator", "dev.querybudget.QueryBudgetTracker" };

	private final String[] excludedPrefixes;

	CallSiteLocator(List<String> excludedPrefixes) {
		this.excludedPrefixes = excludedPrefixes.toArray(new String[0]);
	}

	@Nullable CallSite locate() {
		return WALKER.walk(this);
	}

	@Override
	public @Nullable CallSite apply(Stream<StackWalker.StackFrame> frames) {
		Iterator<StackWalker.StackFrame> iterator = frames.iterator();
		while (iterator.hasNext()) {
			StackWalker.StackFrame frame = iterator.next();
			String className = frame.getClassName();
			if (!isExcluded(className)) {
				return new CallSite(className, frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
			}
		}
		return null;
	}

	boolean isExcluded(String className) {
		for (String prefix : this.excludedPrefixes) {
			if (className.startsWith(prefix)) {
				return true;
			}
		}
		for (String engineClass : ENGINE_CLASSES) {
			if (className.startsWith(engineClass)
					&& (className.length() == engineClass.length() || className.charAt(engineClass.length()) == '$')) {
				return true;
			}
		}
		return isGeneratedProxy(className);
	}

	private static boolean isGeneratedProxy(String className) {
		return className.startsWith("jdk.proxy") || className.contains("$Proxy")
				|| className.contains("$$SpringCGLIB$$") || className.contains("$$EnhancerBy")
				|| className.contains("$HibernateProxy") || className.contains("$ByteBuddy$");
	}

}
