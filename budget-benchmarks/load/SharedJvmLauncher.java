import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * Starts two Spring Boot applications of one jar in one JVM, one after the other, for
 * run-shared-jvm.sh: {@code SharedJvmLauncher START_CLASS ARGS... --next ARGS...}. Both
 * applications run the same compiled code, so whatever the JIT compiler made of it falls
 * on both alike, and the CPU time of each one's Tomcat threads is what serving its
 * requests cost. It runs on the jar's own class path, through Spring Boot's
 * {@code PropertiesLauncher} with {@code loader.main}, and reaches Spring Boot by
 * reflection, so that compiling it needs nothing but the JDK.
 */
public final class SharedJvmLauncher {

	private static final String NEXT = "--next";

	private SharedJvmLauncher() {
	}

	public static void main(String[] args) throws Exception {
		List<String> all = Arrays.asList(args);
		int next = all.indexOf(NEXT);
		if (next < 1) {
			throw new IllegalArgumentException("usage: SharedJvmLauncher START_CLASS ARGS... --next ARGS...");
		}
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		Class<?> startClass = Class.forName(args[0], false, loader);
		Class<?> springApplication = Class.forName("org.springframework.boot.SpringApplication", true, loader);
		Method run = springApplication.getMethod("run", Class.class, String[].class);
		for (List<String> applicationArgs : List.of(all.subList(1, next), all.subList(next + 1, all.size()))) {
			run.invoke(null, startClass, (Object) applicationArgs.toArray(new String[0]));
		}
	}

}
