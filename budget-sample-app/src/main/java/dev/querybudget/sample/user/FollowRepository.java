package dev.querybudget.sample.user;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Finds and counts follows.
 */
public interface FollowRepository extends JpaRepository<Follow, Long> {

	boolean existsByFollowerUsernameAndFollowing(String followerUsername, User following);

	long countByFollowing(User user);

	long countByFollower(User user);

	/**
	 * Counts the followers of a user and the users it follows in one statement.
	 * @param user the user
	 * @return both counts
	 */
	@Query("""
			select new dev.querybudget.sample.user.FollowCounts(
				count(case when f.following = :user then 1 end),
				count(case when f.follower = :user then 1 end))
			from Follow f where f.following = :user or f.follower = :user""")
	FollowCounts countsOf(User user);

}
