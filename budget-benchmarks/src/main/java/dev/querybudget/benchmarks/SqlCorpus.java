package dev.querybudget.benchmarks;

import java.util.List;

/**
 * Statements as a Spring Boot JPA service sends them: Hibernate 7 prepared statements
 * with aliases and padded IN lists, batch inserts, and native or JdbcTemplate SQL with
 * inlined literals, comments and casts.
 */
final class SqlCorpus {

	static final List<String> STATEMENTS = List.of(
			"select o1_0.id,o1_0.address,o1_0.city,o1_0.first_name,o1_0.last_name,o1_0.telephone from owners o1_0 where o1_0.id=?",
			"select p1_0.owner_id,p1_0.id,p1_0.birth_date,p1_0.name,p1_0.type_id from pets p1_0 where p1_0.owner_id=?",
			"select t1_0.id,t1_0.name from types t1_0 where t1_0.id=?",
			"select v1_0.pet_id,v1_0.id,v1_0.visit_date,v1_0.description from visits v1_0 where v1_0.pet_id=?",
			"select o1_0.id,o1_0.address,o1_0.city,o1_0.first_name,o1_0.last_name,o1_0.telephone from owners o1_0 where o1_0.last_name like ? escape '' order by o1_0.last_name offset ? rows fetch first ? rows only",
			"select count(o1_0.id) from owners o1_0 where o1_0.last_name like ? escape ''",
			"select p1_0.id,p1_0.name,p1_0.owner_id from pets p1_0 where p1_0.id in (?,?,?,?,?,?,?,?)",
			"select r1_0.id,r1_0.status,r1_0.created_at,r1_0.team_id,r1_0.tournament_id,r1_0.user_id from registrations r1_0 where r1_0.tournament_id=? order by r1_0.created_at desc offset ? rows fetch first ? rows only",
			"select u1_0.id,u1_0.email,u1_0.username,u1_0.is_active from users u1_0 where u1_0.id = any (?)",
			"insert into visits (description,pet_id,visit_date,id) values (?,?,?,?)",
			"update owners set address=?,city=?,first_name=?,last_name=?,telephone=? where id=?",
			"delete from follows where follower_id=? and followee_id=?", "select nextval('visits_seq')",
			"SELECT u.id, u.username, p.display_name FROM users u JOIN profiles p ON p.user_id = u.id WHERE u.username = 'alice' AND u.is_active = TRUE",
			"SELECT COUNT(*) FROM follows WHERE followee_id = 4711",
			"SELECT COUNT(*) FROM follows WHERE follower_id = 4711",
			"/* traceparent='00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' */ SELECT id, name FROM games WHERE slug = 'valorant'",
			"SELECT t.id, t.name, t.starts_at FROM tournaments t WHERE t.game_id IN (1, 2, 3, 5, 8, 13) AND t.starts_at > '2026-01-01'::date ORDER BY t.starts_at LIMIT 20 OFFSET 40",
			"INSERT INTO leaderboard_snapshots (tournament_id, rank, team_id, points) VALUES (7, 1, 42, 1250), (7, 2, 17, 1100), (7, 3, 99, 980)",
			"UPDATE user_settings SET theme = 'dark', language = 'en-GB', email_notifications = false WHERE user_id = 4711",
			"WITH ranked AS (SELECT team_id, SUM(points) AS total FROM match_results WHERE tournament_id = 7 GROUP BY team_id) SELECT team_id, total, RANK() OVER (ORDER BY total DESC) FROM ranked",
			"select count(*) as total, sum(case when r.status = 'CONFIRMED' then 1 else 0 end) as confirmed, sum(case when r.status = 'PENDING' then 1 else 0 end) as pending from registrations r where r.tournament_id = 7",
			"SELECT `u`.`id`, `u`.`email` FROM `users` `u` WHERE `u`.`email` = \"bob@example.com\" LIMIT 1",
			"select s1_0.id,s1_0.plan_id,s1_0.status,s1_0.user_id,p1_0.id,p1_0.name,p1_0.price from subscriptions s1_0 left join plans p1_0 on p1_0.id=s1_0.plan_id where s1_0.user_id=? and s1_0.status=?");

	private SqlCorpus() {
	}

}
