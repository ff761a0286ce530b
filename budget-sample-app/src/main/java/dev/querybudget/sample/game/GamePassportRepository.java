package dev.querybudget.sample.game;

import java.util.List;

import dev.querybudget.sample.user.User;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Finds game passports.
 */
public interface GamePassportRepository extends JpaRepository<GamePassport, Long> {

	List<GamePassport> findByUserOrderById(User user);

	/**
	 * Finds the passports of a user with their game and team in one statement.
	 * @param user the user
	 * @return the passports
	 */
	@EntityGraph(attributePaths = { "game", "team" })
	List<GamePassport> findWithGameAndTeamByUserOrderById(User user);

}
