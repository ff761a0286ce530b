package dev.querybudget;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The application frame that issued a statement, so that a report points at the line to
 * change. Its {@link #toString()} has the form
 * {@code com.example.OwnerService.list(OwnerService.java:41)}, which IDEs and CI logs
 * turn into a link.
 *
 * @param className the fully qualified class name
 * @param methodName the method name
 * @param fileName the source file name, or {@code null} when the class has no debug
 * information
 * @param lineNumber the line number, or a negative number when unknown
 * @since 0.1.0
 */
public record CallSite(String className, String methodName, @Nullable String fileName, int lineNumber) {

	/**
	 * Validates the call site.
	 */
	public CallSite {
		Objects.requireNonNull(className, "'className' must not be null");
		Objects.requireNonNull(methodName, "'methodName' must not be null");
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.className.length() + this.methodName.length() + 32);
		text.append(this.className).append('.').append(this.methodName).append('(');
		if (this.fileName == null) {
			text.append("Unknown Source");
		}
		else {
			text.append(this.fileName);
			if (this.lineNumber >= 0) {
				text.append(':').append(this.lineNumber);
			}
		}
		return text.append(')').toString();
	}

}
