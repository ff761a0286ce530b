package dev.querybudget.sample.tournament;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Finds and counts registrations.
 */
public interface RegistrationRepository extends JpaRepository<Registration, Long> {

	@Override
	Page<Registration> findAll(Pageable pageable);

	/**
	 * Finds a page of registrations with their tournament, user, team and payment
	 * verification joined, the audit's
	 * {@code select_related('tournament', 'user', 'team', 'payment_verification')}.
	 * @param pageable the page
	 * @return the registrations
	 */
	@EntityGraph(attributePaths = { "tournament", "user", "team", "paymentVerification" })
	@Query("select r from Registration r")
	Page<Registration> findAllWithDetails(Pageable pageable);

	long countByTournamentOrganizerUsername(String organizer);

	long countByTournamentOrganizerUsernameAndPaymentVerificationStatus(String organizer,
			PaymentVerification.Status status);

	long countByTournamentOrganizerUsernameAndRegisteredAtAfter(String organizer, Instant since);

}
