package dev.querybudget.sample.settings;

import java.time.Instant;

import dev.querybudget.sample.SampleEntity;
import dev.querybudget.sample.user.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A record of a user changing a group of settings (the audit's "update + audit log").
 */
@Entity
@Table(name = "settings_audit_log")
public class SettingsAuditEntry extends SampleEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "user_id")
	private User user;

	@Column(nullable = false)
	private String settings;

	@Column(nullable = false)
	private Instant changedAt;

	protected SettingsAuditEntry() {
	}

	public SettingsAuditEntry(User user, String settings, Instant changedAt) {
		this.user = user;
		this.settings = settings;
		this.changedAt = changedAt;
	}

	public User getUser() {
		return this.user;
	}

	public String getSettings() {
		return this.settings;
	}

	public Instant getChangedAt() {
		return this.changedAt;
	}

}
