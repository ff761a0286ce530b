package dev.querybudget.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.querybudget.sample.game.Game;
import dev.querybudget.sample.game.GamePassport;
import dev.querybudget.sample.game.Team;
import dev.querybudget.sample.leaderboard.LeaderboardEntry;
import dev.querybudget.sample.tournament.Match;
import dev.querybudget.sample.tournament.PaymentVerification;
import dev.querybudget.sample.tournament.Registration;
import dev.querybudget.sample.tournament.Tournament;
import dev.querybudget.sample.user.Follow;
import dev.querybudget.sample.user.Plan;
import dev.querybudget.sample.user.PrivacySettings;
import dev.querybudget.sample.user.Profile;
import dev.querybudget.sample.user.Role;
import dev.querybudget.sample.user.Subscription;
import dev.querybudget.sample.user.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates the sample's data at startup, in no query scope, when the database is empty.
 * The shapes are chosen so that every N+1 of the audits shows at full size: the first
 * page of registrations holds 20 registrations in 20 tournaments by 20 players, the first
 * page of tournaments has 20 games and 20 organisers, the Valorant leaderboard has 20
 * players per page, and alice has 7 game passports, each with its team.
 */
@Component
class SampleData implements ApplicationRunner {

	private static final String[][] GAMES = { { "valorant", "Valorant" }, { "cs2", "Counter-Strike 2" },
			{ "dota2", "Dota 2" }, { "lol", "League of Legends" }, { "rocket-league", "Rocket League" },
			{ "overwatch2", "Overwatch 2" }, { "apex", "Apex Legends" }, { "fortnite", "Fortnite" },
			{ "pubg", "PUBG: Battlegrounds" }, { "r6", "Rainbow Six Siege" }, { "sf6", "Street Fighter 6" },
			{ "tekken8", "Tekken 8" }, { "sc2", "StarCraft II" }, { "hearthstone", "Hearthstone" },
			{ "eafc", "EA Sports FC 25" }, { "cod", "Call of Duty" }, { "mlbb", "Mobile Legends" },
			{ "freefire", "Free Fire" }, { "smash", "Super Smash Bros. Ultimate" }, { "halo", "Halo Infinite" } };

	private static final String[] TEAM_SUFFIXES = { "Falcons", "Wolves" };

	private static final int PLAYERS = 40;

	private static final int SOLO_TOURNAMENTS = 20;

	private static final int TEAM_LEAGUES = 4;

	private static final int REGISTRATION_ROUNDS = 4;

	private static final int ALICE_PASSPORTS = 7;

	@PersistenceContext
	private EntityManager entityManager;

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Long users = this.entityManager.createQuery("select count(u) from User u", Long.class).getSingleResult();
		if (users > 0) {
			return;
		}
		Instant now = Instant.now();
		Plan pro = persist(new Plan("pro", "Pro", 100));
		Plan team = persist(new Plan("team", "Team", 500));
		Role playerRole = persist(new Role("PLAYER"));
		Role organizerRole = persist(new Role("ORGANIZER"));
		Role adminRole = persist(new Role("ADMIN"));
		List<Game> games = new ArrayList<>();
		List<Team> teams = new ArrayList<>();
		for (String[] game : GAMES) {
			Game saved = persist(new Game(game[0], game[1]));
			games.add(saved);
			for (String suffix : TEAM_SUFFIXES) {
				teams.add(persist(new Team(game[1] + " " + suffix, saved)));
			}
		}
		// players.get(0) is alice, then player02 to player40
		List<User> players = new ArrayList<>();
		for (int i = 1; i <= PLAYERS; i++) {
			String name = (i == 1) ? "alice" : String.format("player%02d", i);
			User player = user(name, now.minus(Duration.ofDays(400 - i)), playerRole);
			if (i == 1) {
				player.getRoles().add(adminRole);
				player.subscribe(
						persist(new Subscription(pro, Subscription.Status.ACTIVE, now.plus(Duration.ofDays(20)))));
			}
			else if (i % 4 == 0) {
				player.subscribe(
						persist(new Subscription(team, Subscription.Status.ACTIVE, now.plus(Duration.ofDays(i)))));
			}
			else if (i % 7 == 0) {
				player.subscribe(
						persist(new Subscription(pro, Subscription.Status.CANCELLED, now.minus(Duration.ofDays(i)))));
			}
			players.add(player);
		}
		List<User> organizers = new ArrayList<>();
		for (int i = 1; i <= SOLO_TOURNAMENTS; i++) {
			organizers.add(user(String.format("org%02d", i), now.minus(Duration.ofDays(500 - i)), organizerRole));
		}
		User alice = players.get(0);
		for (int g = 0; g < ALICE_PASSPORTS; g++) {
			persist(new GamePassport(alice, games.get(g), teams.get(2 * g), "alice-" + games.get(g).getSlug(),
					"Diamond " + (g % 3 + 1)));
		}
		for (int i = 1; i < PLAYERS; i++) {
			User player = players.get(i);
			persist(new GamePassport(player, games.get(i % games.size()), null, player.getUsername(), "Gold"));
		}
		for (int i = 1; i <= 14; i++) {
			persist(new Follow(players.get(i), alice, now.minus(Duration.ofDays(i))));
		}
		for (int i = 15; i <= 19; i++) {
			persist(new Follow(alice, players.get(i), now.minus(Duration.ofDays(i))));
		}
		List<Tournament> tournaments = new ArrayList<>();
		for (int t = 0; t < SOLO_TOURNAMENTS; t++) {
			Tournament.Status status = (t % 2 == 0) ? Tournament.Status.OPEN : Tournament.Status.LIVE;
			tournaments.add(persist(new Tournament(GAMES[t][1] + " Open Cup", games.get(t), organizers.get(t), status,
					now.plus(Duration.ofDays(t - 10)))));
		}
		for (int t = 0; t < TEAM_LEAGUES; t++) {
			tournaments.add(persist(new Tournament(GAMES[t][1] + " Team League", games.get(t), organizers.get(0),
					Tournament.Status.LIVE, now.minus(Duration.ofDays(3)))));
		}
		Tournament cancelled = persist(new Tournament("Cancelled Cup", games.get(0), organizers.get(0),
				Tournament.Status.OPEN, now.plus(Duration.ofDays(30))));
		cancelled.delete();
		List<List<User>> entrants = new ArrayList<>();
		for (int t = 0; t < tournaments.size(); t++) {
			entrants.add(new ArrayList<>());
		}
		// Round by round, so that the first 20 registrations are in 20 tournaments by 20
		// players
		for (int round = 0; round < REGISTRATION_ROUNDS; round++) {
			for (int t = 0; t < SOLO_TOURNAMENTS; t++) {
				User player = players.get(1 + (t + round * 5) % (PLAYERS - 1));
				PaymentVerification.Status payment = ((t + round) % 3 == 0) ? PaymentVerification.Status.PENDING
						: PaymentVerification.Status.VERIFIED;
				register(tournaments.get(t), player, null, payment,
						now.minus(Duration.ofDays((t + round * 7) % 14).plusHours(1)));
				entrants.get(t).add(player);
			}
		}
		for (int league = 0; league < TEAM_LEAGUES; league++) {
			Tournament tournament = tournaments.get(SOLO_TOURNAMENTS + league);
			User rival = players.get(30 + league);
			register(tournament, alice, teams.get(2 * league), PaymentVerification.Status.VERIFIED,
					now.minus(Duration.ofDays(2)));
			register(tournament, rival, teams.get(2 * league + 1), PaymentVerification.Status.VERIFIED,
					now.minus(Duration.ofDays(2)));
			entrants.get(SOLO_TOURNAMENTS + league).addAll(List.of(alice, rival));
		}
		for (int t = 0; t < tournaments.size(); t++) {
			Tournament tournament = tournaments.get(t);
			List<User> field = entrants.get(t);
			if (tournament.getStatus() != Tournament.Status.LIVE) {
				continue;
			}
			persist(new Match(tournament, field.get(0), field.get(1), field.get(0)));
			if (field.size() >= 4) {
				persist(new Match(tournament, field.get(2), field.get(3), field.get(3)));
				persist(new Match(tournament, field.get(0), field.get(3), null));
			}
		}
		for (int i = 0; i < PLAYERS; i++) {
			persist(new LeaderboardEntry(games.get(0), players.get(i), i + 1, 2400 - 13 * i));
		}
		for (int i = 0; i < 10; i++) {
			persist(new LeaderboardEntry(games.get(1), players.get(PLAYERS - 1 - i), i + 1, 2100 - 17 * i));
		}
	}

	private User user(String username, Instant joinedAt, Role role) {
		User user = persist(new User(username, username + "@example.com", joinedAt));
		user.getRoles().add(role);
		PrivacySettings privacy = persist(new PrivacySettings());
		persist(new Profile(user, privacy, Character.toUpperCase(username.charAt(0)) + username.substring(1),
				"Plays to win.", username.length() * 3, username.length() * 7));
		return user;
	}

	private void register(Tournament tournament, User player, Team team, PaymentVerification.Status payment,
			Instant registeredAt) {
		PaymentVerification verification = persist(new PaymentVerification(payment, "card"));
		persist(new Registration(tournament, player, team, verification, registeredAt));
	}

	private <T> T persist(T entity) {
		this.entityManager.persist(entity);
		return entity;
	}

}
