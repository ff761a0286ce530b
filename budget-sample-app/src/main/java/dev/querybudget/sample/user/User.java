package dev.querybudget.sample.user;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.querybudget.sample.SampleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * An account of the platform: a player, an organiser or an admin.
 */
@Entity
@Table(name = "users")
public class User extends SampleEntity {

	@Column(nullable = false, unique = true)
	private String username;

	@Column(nullable = false)
	private String email;

	private boolean active = true;

	@Column(nullable = false)
	private Instant joinedAt;

	@OneToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "subscription_id")
	private @Nullable Subscription subscription;

	@ManyToMany(fetch = FetchType.LAZY)
	@JoinTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"),
			inverseJoinColumns = @JoinColumn(name = "role_id"))
	private Set<Role> roles = new LinkedHashSet<>();

	protected User() {
	}

	public User(String username, String email, Instant joinedAt) {
		this.username = username;
		this.email = email;
		this.joinedAt = joinedAt;
	}

	public String getUsername() {
		return this.username;
	}

	public String getEmail() {
		return this.email;
	}

	public boolean isActive() {
		return this.active;
	}

	public Instant getJoinedAt() {
		return this.joinedAt;
	}

	public @Nullable Subscription getSubscription() {
		return this.subscription;
	}

	public void subscribe(Subscription subscription) {
		this.subscription = subscription;
	}

	public Set<Role> getRoles() {
		return this.roles;
	}

	/**
	 * Returns the display name of the plan the user pays for, like the audited model's
	 * {@code subscription_plan} property: it reads through two lazy associations.
	 * @return the plan's display name, "Free" without an active subscription
	 */
	public String planName() {
		Subscription current = this.subscription;
		return (current != null && current.isActive()) ? current.getPlan().getDisplayName() : "Free";
	}

	/**
	 * Returns the daily AI request limit of the user's plan, through the same lazy
	 * associations as {@link #planName()}.
	 * @return the limit, that of the free plan without an active subscription
	 */
	public int aiDailyLimit() {
		Subscription current = this.subscription;
		return (current != null && current.isActive()) ? current.getPlan().getAiDailyLimit() : Plan.FREE_AI_DAILY_LIMIT;
	}

	/**
	 * Returns the names of the user's roles, loading the lazy role collection.
	 * @return the role names, sorted
	 */
	public List<String> roleNames() {
		List<String> names = new ArrayList<>();
		for (Role role : this.roles) {
			names.add(role.getName());
		}
		names.sort(null);
		return names;
	}

}
