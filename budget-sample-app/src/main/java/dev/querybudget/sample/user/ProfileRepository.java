package dev.querybudget.sample.user;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Finds profiles.
 */
public interface ProfileRepository extends JpaRepository<Profile, Long> {

	Optional<Profile> findByUser(User user);

	Optional<Profile> findByUserUsername(String username);

	/**
	 * Finds a profile with its user and privacy settings in one statement.
	 * @param username the username of the profile's user
	 * @return the profile, if any
	 */
	@EntityGraph(attributePaths = { "user", "privacy" })
	Optional<Profile> findWithUserAndPrivacyByUserUsername(String username);

}
