package dev.querybudget.autoconfigure;

/**
 * Thrown at startup when a budget declared on a method or in properties is invalid, so
 * that the application does not start with a budget it cannot enforce.
 *
 * @author Query Budget contributors
 * @since 0.1.0
 */
public final class InvalidQueryBudgetException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String origin;

	private final String reason;

	/**
	 * Creates an exception.
	 * @param origin what declared the budget: {@code com.example.OwnerController#show} or
	 * a property key
	 * @param reason what is wrong, naming the attribute and its value
	 * @param cause the validation failure
	 */
	public InvalidQueryBudgetException(String origin, String reason, Throwable cause) {
		super("Invalid query budget on " + origin + ": " + reason, cause);
		this.origin = origin;
		this.reason = reason;
	}

	/**
	 * Returns what declared the budget.
	 * @return {@code Class#method} or a property key
	 */
	public String getOrigin() {
		return this.origin;
	}

	/**
	 * Returns what is wrong with the budget.
	 * @return the reason, naming the attribute and its value
	 */
	public String getReason() {
		return this.reason;
	}

}
