package dev.querybudget.sample.tournament;

/**
 * The figures of an organiser's dashboard.
 *
 * @param tournaments tournaments the organiser runs
 * @param openTournaments those taking registrations
 * @param registrations registrations over all of them
 * @param verifiedPayments registrations whose payment is verified
 * @param pendingPayments registrations whose payment is not checked yet
 * @param registrationsThisWeek registrations of the last seven days
 */
public record DashboardStats(long tournaments, long openTournaments, long registrations, long verifiedPayments,
		long pendingPayments, long registrationsThisWeek) {

}
