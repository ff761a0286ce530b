package dev.querybudget.sample.user;

import java.time.Instant;

import dev.querybudget.sample.SampleEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One user following another.
 */
@Entity
@Table(name = "follows", uniqueConstraints = @UniqueConstraint(columnNames = { "follower_id", "following_id" }))
public class Follow extends SampleEntity {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "follower_id")
	private User follower;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "following_id")
	private User following;

	@Column(nullable = false)
	private Instant createdAt;

	protected Follow() {
	}

	public Follow(User follower, User following, Instant createdAt) {
		this.follower = follower;
		this.following = following;
		this.createdAt = createdAt;
	}

	public User getFollower() {
		return this.follower;
	}

	public User getFollowing() {
		return this.following;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
