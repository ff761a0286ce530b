package dev.querybudget.sample.tournament;

import java.time.Duration;
import java.time.Instant;

import dev.querybudget.sample.ItemsPage;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads registrations, tournaments and organiser dashboards, each the audited way and the
 * fixed way.
 */
@Service
@Transactional(readOnly = true)
class TournamentService {

	private final RegistrationRepository registrations;

	private final TournamentRepository tournaments;

	TournamentService(RegistrationRepository registrations, TournamentRepository tournaments) {
		this.registrations = registrations;
		this.tournaments = tournaments;
	}

	/**
	 * The audit's {@code Registration.objects.all()}: one page, then one statement per
	 * registration for each of its tournament, user and payment verification.
	 */
	ItemsPage<RegistrationView> registrationsOneByOne(int page) {
		return ItemsPage.of(this.registrations.findAll(byId(page)), RegistrationView::of);
	}

	ItemsPage<RegistrationView> registrations(int page) {
		return ItemsPage.of(this.registrations.findAllWithDetails(byId(page)), RegistrationView::of);
	}

	/**
	 * The audit's tournament discovery without {@code select_related}: one page, then one
	 * statement per tournament for each of its game and organiser.
	 */
	ItemsPage<TournamentView> tournamentsOneByOne(int page) {
		return ItemsPage.of(this.tournaments.findByDeletedFalse(byId(page)), TournamentView::of);
	}

	ItemsPage<TournamentView> tournaments(int page) {
		return ItemsPage.of(this.tournaments.findWithGameAndOrganizerByDeletedFalse(byId(page)), TournamentView::of);
	}

	/**
	 * The dashboard as the audit found it: one COUNT per figure.
	 */
	DashboardStats dashboardCountByCount(String organizer) {
		Instant since = weekAgo();
		return new DashboardStats(this.tournaments.countByOrganizerUsername(organizer),
				this.tournaments.countByOrganizerUsernameAndStatus(organizer, Tournament.Status.OPEN),
				this.registrations.countByTournamentOrganizerUsername(organizer),
				this.registrations.countByTournamentOrganizerUsernameAndPaymentVerificationStatus(organizer,
						PaymentVerification.Status.VERIFIED),
				this.registrations.countByTournamentOrganizerUsernameAndPaymentVerificationStatus(organizer,
						PaymentVerification.Status.PENDING),
				this.registrations.countByTournamentOrganizerUsernameAndRegisteredAtAfter(organizer, since));
	}

	DashboardStats dashboard(String organizer) {
		return this.tournaments.dashboardOf(organizer, weekAgo());
	}

	private static Pageable byId(int page) {
		return PageRequest.of(page, ItemsPage.SIZE, Sort.by("id"));
	}

	private static Instant weekAgo() {
		return Instant.now().minus(Duration.ofDays(7));
	}

}
