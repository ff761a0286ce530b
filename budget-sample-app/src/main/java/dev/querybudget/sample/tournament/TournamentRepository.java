package dev.querybudget.sample.tournament;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Finds and counts tournaments.
 */
public interface TournamentRepository extends JpaRepository<Tournament, Long> {

	Page<Tournament> findByDeletedFalse(Pageable pageable);

	/**
	 * Finds a page of tournaments that are not deleted with their game and organiser
	 * joined, the audit's {@code select_related('game', 'organizer')}.
	 * @param pageable the page
	 * @return the tournaments
	 */
	@EntityGraph(attributePaths = { "game", "organizer" })
	Page<Tournament> findWithGameAndOrganizerByDeletedFalse(Pageable pageable);

	long countByOrganizerUsername(String organizer);

	long countByOrganizerUsernameAndStatus(String organizer, Tournament.Status status);

	/**
	 * Computes every figure of an organiser's dashboard in one aggregate statement.
	 * @param organizer the organiser's username
	 * @param since the start of the "this week" window
	 * @return the figures
	 */
	@Query("""
			select new dev.querybudget.sample.tournament.DashboardStats(
				count(distinct t.id),
				count(distinct case when t.status = dev.querybudget.sample.tournament.Tournament.Status.OPEN then t.id end),
				count(r.id),
				count(case when p.status = dev.querybudget.sample.tournament.PaymentVerification.Status.VERIFIED then 1 end),
				count(case when p.status = dev.querybudget.sample.tournament.PaymentVerification.Status.PENDING then 1 end),
				count(case when r.registeredAt > :since then 1 end))
			from Tournament t
				left join Registration r on r.tournament = t
				left join r.paymentVerification p
			where t.organizer.username = :organizer""")
	DashboardStats dashboardOf(String organizer, Instant since);

}
