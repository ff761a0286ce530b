package dev.querybudget.sample.user;

import dev.querybudget.sample.SampleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A paid plan and what it allows.
 */
@Entity
@Table(name = "plans")
public class Plan extends SampleEntity {

	/**
	 * Daily AI request limit without a paid plan.
	 */
	public static final int FREE_AI_DAILY_LIMIT = 5;

	@Column(nullable = false, unique = true)
	private String code;

	@Column(nullable = false)
	private String displayName;

	private int aiDailyLimit;

	protected Plan() {
	}

	public Plan(String code, String displayName, int aiDailyLimit) {
		this.code = code;
		this.displayName = displayName;
		this.aiDailyLimit = aiDailyLimit;
	}

	public String getCode() {
		return this.code;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public int getAiDailyLimit() {
		return this.aiDailyLimit;
	}

}
