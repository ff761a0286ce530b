package dev.querybudget.sample.user;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Finds users.
 */
public interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByUsername(String username);

	/**
	 * Finds a user with the subscription, its plan and the roles in one statement.
	 * @param username the username
	 * @return the user, if any
	 */
	@EntityGraph(attributePaths = { "subscription", "subscription.plan", "roles" })
	Optional<User> findWithSubscriptionAndRolesByUsername(String username);

	@Override
	Page<User> findAll(Pageable pageable);

}
