package dev.querybudget.autoconfigure.metrics;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finds Prometheus' binaries on the {@code PATH} and runs them; a test that needs one and
 * finds none fails, naming the package to install.
 */
public final class PrometheusBinaries {

	/**
	 * The repository's Prometheus files: alert rules and their promtool tests.
	 */
	public static final Path RULES_DIRECTORY = Path.of("..", "docs", "prometheus");

	/**
	 * The Grafana dashboard.
	 */
	public static final Path DASHBOARD = Path.of("..", "docs", "grafana", "query-budget.json");

	private PrometheusBinaries() {
	}

	/**
	 * Returns the path of an executable on the {@code PATH}.
	 * @param name the executable, such as {@code promtool}
	 * @return its path
	 * @throws IllegalStateException when it is not on the {@code PATH}
	 */
	public static Path find(String name) {
		String path = System.getenv("PATH");
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				Path candidate = Path.of(directory, name);
				if (Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		throw new IllegalStateException("'" + name + "' is not on the PATH (" + path
				+ "): the Prometheus tests need it. Install Debian's 'prometheus' package (apt-get install -y"
				+ " prometheus), as .ci/run and the GitHub workflow do.");
	}

	/**
	 * Runs a binary to completion and returns its exit code and output.
	 * @param command the command, its first element the binary's name
	 * @param directory the working directory
	 * @return the result
	 * @throws IOException when it cannot start
	 * @throws InterruptedException when interrupted while waiting
	 */
	public static Result run(List<String> command, Path directory) throws IOException, InterruptedException {
		List<String> resolved = new ArrayList<>(command);
		resolved.set(0, find(command.get(0)).toString());
		Process process = new ProcessBuilder(resolved).directory(directory.toFile()).redirectErrorStream(true).start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " did not finish in 2 minutes");
		}
		return new Result(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	/**
	 * The exit code and output of a command.
	 *
	 * @param exitCode the exit code
	 * @param output standard output and error
	 */
	public record Result(int exitCode, String output) {

	}

}
