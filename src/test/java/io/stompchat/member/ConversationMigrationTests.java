package io.stompchat.member;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway V4 on a database filled by the previous schema (V3), on H2 and on a real
 * PostgreSQL: existing rooms become PUBLIC, every user whose last JOIN or LEAVE in a room
 * is a JOIN becomes its member since that JOIN, the longest-standing member of each room
 * but general its owner, every account a member of general, and read markers keep working
 * (existing ones stay, members without one start at their JOIN).
 */
class ConversationMigrationTests {

	static EmbeddedPostgres postgres;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.start();
	}

	@AfterAll
	static void stop() throws IOException {
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void existingDataBecomesConversationsOnH2() {
		DriverManagerDataSource h2 = new DriverManagerDataSource(
				"jdbc:h2:mem:migration-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
		migrateFilledDatabase(h2);
	}

	@Test
	void existingDataBecomesConversationsOnPostgres() {
		migrateFilledDatabase(postgres.getPostgresDatabase());
	}

	private static void migrateFilledDatabase(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).target("3").load().migrate();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		fill(jdbc);
		Flyway.configure().dataSource(dataSource).load().migrate();

		assertThat(jdbc.queryForList("select kind from rooms order by id", String.class)).containsOnly("PUBLIC");
		assertThat(jdbc.queryForObject("select name_key from rooms where id = 'book'", String.class)).isEqualTo("book");
		assertThat(members(jdbc, "book")).containsExactly(
				Map.of("USERNAME", "alice", "ROLE", "OWNER", "JOINED_AT", at(2)),
				Map.of("USERNAME", "bob", "ROLE", "MEMBER", "JOINED_AT", at(5)));
		assertThat(members(jdbc, "general")).containsExactly(
				Map.of("USERNAME", "alice", "ROLE", "MEMBER", "JOINED_AT", at(1)),
				Map.of("USERNAME", "bob", "ROLE", "MEMBER", "JOINED_AT", at(-20)),
				Map.of("USERNAME", "carol", "ROLE", "MEMBER", "JOINED_AT", at(-30)),
				Map.of("USERNAME", "dave", "ROLE", "MEMBER", "JOINED_AT", at(-40)));
		// alice's marker stays; bob's starts at his JOIN; carol's at general's last
		// message
		assertThat(marker(jdbc, "book", "alice")).isEqualTo(3);
		assertThat(marker(jdbc, "book", "bob")).isEqualTo(5);
		assertThat(marker(jdbc, "general", "carol")).isEqualTo(4);
		assertThat(jdbc.queryForObject("select count(*) from read_markers where username = 'dave' and room_id = 'book'",
				Integer.class))
			.isZero();
		assertThat(jdbc.queryForList("select by_username from messages", String.class)).containsOnlyNulls();
	}

	private static void fill(JdbcTemplate jdbc) {
		account(jdbc, "alice", -10);
		account(jdbc, "bob", -20);
		account(jdbc, "carol", -30);
		account(jdbc, "dave", -40);
		jdbc.update("insert into rooms (id, name, name_key, last_seq, last_activity_at, created_at)"
				+ " values ('book', 'Book', 'book', 8, ?, ?)", ts(8), ts(0));
		jdbc.update("update rooms set last_seq = 4 where id = 'general'");
		// general: alice joins, bob joins, talks and leaves; carol and dave never came
		message(jdbc, "general", 1, "JOIN", "alice");
		message(jdbc, "general", 2, "JOIN", "bob");
		message(jdbc, "general", 3, "CHAT", "bob");
		message(jdbc, "general", 4, "LEAVE", "bob");
		// book: bob joins, alice joins, bob leaves and comes back; dave comes and goes
		message(jdbc, "book", 1, "JOIN", "bob");
		message(jdbc, "book", 2, "JOIN", "alice");
		message(jdbc, "book", 3, "CHAT", "bob");
		message(jdbc, "book", 4, "LEAVE", "bob");
		message(jdbc, "book", 5, "JOIN", "bob");
		message(jdbc, "book", 6, "CHAT", "alice");
		message(jdbc, "book", 7, "JOIN", "dave");
		message(jdbc, "book", 8, "LEAVE", "dave");
		jdbc.update("insert into read_markers (room_id, username, seq) values ('book', 'alice', 3)");
		jdbc.update("insert into read_markers (room_id, username, seq) values ('general', 'alice', 1)");
	}

	private static void account(JdbcTemplate jdbc, String name, int second) {
		jdbc.update("insert into accounts (username, username_key, password_hash, created_at) values (?, ?, 'x', ?)",
				name, name, ts(second));
	}

	private static void message(JdbcTemplate jdbc, String room, int seq, String type, String sender) {
		jdbc.update("insert into messages (room_id, seq, type, sender, text, sent_at) values (?, ?, ?, ?, ?, ?)", room,
				seq, type, sender, type.equals("CHAT") ? "hi" : null, ts(seq));
	}

	private static List<Map<String, Object>> members(JdbcTemplate jdbc, String room) {
		return jdbc
			.queryForList("select username, role, joined_at from room_members where room_id = ? order by username",
					room)
			.stream()
			.map((row) -> Map.<String, Object>of("USERNAME", value(row, "username"), "ROLE", value(row, "role"),
					"JOINED_AT", instant(value(row, "joined_at"))))
			.toList();
	}

	private static Object value(Map<String, Object> row, String column) {
		return row.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(column))
			.findFirst()
			.orElseThrow()
			.getValue();
	}

	private static Instant instant(Object value) {
		if (value instanceof Timestamp timestamp) {
			return timestamp.toInstant();
		}
		if (value instanceof java.time.OffsetDateTime offset) {
			return offset.toInstant();
		}
		return Instant.parse(value.toString());
	}

	private static long marker(JdbcTemplate jdbc, String room, String user) {
		return jdbc.queryForObject("select seq from read_markers where room_id = ? and username = ?", Long.class, room,
				user);
	}

	private static Instant at(int second) {
		return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(second);
	}

	private static java.sql.Timestamp ts(int second) {
		return Timestamp.from(at(second));
	}

}
