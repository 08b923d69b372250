package io.stompchat.room;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;

import io.stompchat.message.MessageView;
import io.stompchat.support.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The native queries of {@link ReadMarkers}, {@link Rooms} and a user's conversations
 * ({@link RoomSummaries}) on a real PostgreSQL, not only on the H2 of the other tests:
 * both databases run the same SQL.
 */
class RoomQueriesOnPostgresTests {

	static ReadMarkers markers;

	static Rooms rooms;

	static RoomSummaries summaries;

	static JdbcTemplate jdbc;

	static TransactionTemplate tx;

	@BeforeAll
	static void start() {
		ConfigurableApplicationContext app = Postgres.shared();
		markers = app.getBean(ReadMarkers.class);
		rooms = app.getBean(Rooms.class);
		summaries = app.getBean(RoomSummaries.class);
		jdbc = app.getBean(JdbcTemplate.class);
		tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
	}

	@Test
	void aMarkerMovesForwardOnlyAndNeverPastTheLastMessage() {
		Postgres.room(jdbc, "pg-marker");
		for (int i = 0; i < 3; i++) {
			Postgres.message(jdbc, "pg-marker", "CHAT", "bob-m");
		}
		markers.saveAndFlush(new ReadMarker("pg-marker", "alice-m", 0));
		assertThat(move("pg-marker", "alice-m", 2)).isEqualTo(1);
		assertThat(move("pg-marker", "alice-m", 1)).isZero();
		assertThat(move("pg-marker", "alice-m", 99)).isEqualTo(1);
		assertThat(move("pg-marker", "alice-m", 99)).isZero();
		assertThat(jdbc.queryForObject("select seq from read_markers where room_id = 'pg-marker' and username = ?",
				Long.class, "alice-m"))
			.isEqualTo(3);
	}

	@Test
	void unreadCountsOnlyOtherUsersChatsAfterTheMarker() {
		Postgres.room(jdbc, "pg-unread");
		markers.saveAndFlush(new ReadMarker("pg-unread", "alice-u", 0));
		markers.saveAndFlush(new ReadMarker("pg-unread", "bob-u", 0));
		Postgres.message(jdbc, "pg-unread", "JOIN", "bob-u");
		Postgres.message(jdbc, "pg-unread", "CHAT", "bob-u");
		Postgres.message(jdbc, "pg-unread", "CHAT", "bob-u");
		Postgres.message(jdbc, "pg-unread", "CHAT", "alice-u");
		jdbc.update("insert into room_presence (session_id, username, room_id, joined_at) values (?, ?, ?, ?)", "s-1",
				"alice-u", "pg-unread", Timestamp.from(Instant.now()));
		assertThat(markers.countUnread("alice-u"))
			.extracting(ReadMarkers.UnreadCount::getRoomId, ReadMarkers.UnreadCount::getUnread)
			.containsExactly(tuple("pg-unread", 2L));
		List<Rooms.UnreadRow> rows = rooms.findWithUnreadCounts("pg-unread", List.of("alice-u", "bob-u"));
		assertThat(rows)
			.extracting(Rooms.UnreadRow::getName, Rooms.UnreadRow::getOnline, Rooms.UnreadRow::getUsername,
					Rooms.UnreadRow::getUnread)
			.containsExactlyInAnyOrder(tuple("pg-unread", 1, "alice-u", 2L), tuple("pg-unread", 1, "bob-u", 1L));
		assertThat(rooms.findWithUnreadCounts("pg-unread", List.of("bob-u")))
			.extracting(Rooms.UnreadRow::getUsername, Rooms.UnreadRow::getUnread)
			.as("only the users asked for")
			.containsExactly(tuple("bob-u", 1L));
	}

	@Test
	void aRoomNobodyJoinedHasOneRowWithoutAUser() {
		Postgres.room(jdbc, "pg-empty");
		assertThat(rooms.findWithUnreadCounts("pg-empty", List.of("alice-u"))).singleElement().satisfies((row) -> {
			assertThat(row.getUsername()).isNull();
			assertThat(row.getUnread()).isZero();
			assertThat(row.getOnline()).isZero();
		});
		assertThat(rooms.findWithUnreadCounts("pg-none", List.of("alice-u"))).isEmpty();
	}

	@Test
	void aUsersConversationsAreReadFromTheirMemberships() {
		for (String room : List.of("pg-mine-1", "pg-mine-2", "pg-other")) {
			Postgres.room(jdbc, room);
		}
		Timestamp now = Timestamp.from(Instant.now());
		for (String[] member : new String[][] { { "pg-mine-1", "cat-s" }, { "pg-mine-1", "dan-s" },
				{ "pg-mine-2", "cat-s" }, { "pg-other", "dan-s" } }) {
			jdbc.update("insert into room_members (room_id, username, role, joined_at) values (?, ?, 'MEMBER', ?)",
					member[0], member[1], now);
			jdbc.update("update rooms set member_count = member_count + 1 where id = ?", member[0]);
		}
		Postgres.message(jdbc, "pg-mine-1", "CHAT", "dan-s");
		long last = Postgres.message(jdbc, "pg-mine-1", "CHAT", "dan-s");
		Postgres.message(jdbc, "pg-other", "CHAT", "dan-s");
		jdbc.update("update rooms set last_activity_at = ? where id = 'pg-mine-1'",
				Timestamp.from(Instant.now().plusSeconds(60)));
		Long id = jdbc.queryForObject("select id from messages where room_id = 'pg-mine-1' and seq = ?", Long.class,
				last);
		jdbc.update("insert into message_reactions (message_id, emoji, username, reacted_at) values (?, ?, ?, ?)", id,
				"👍", "cat-s", now);
		jdbc.update("insert into room_presence (session_id, username, room_id, joined_at) values (?, ?, ?, ?)", "s-9",
				"dan-s", "pg-mine-1", now);

		List<RoomSummary> mine = tx.execute((status) -> summaries.forUser("cat-s"));

		assertThat(mine).extracting(RoomSummary::id, RoomSummary::members, RoomSummary::online, RoomSummary::unread)
			.as("most recently active first, only cat-s's rooms")
			.containsExactly(tuple("pg-mine-1", 2L, 1, 0L), tuple("pg-mine-2", 1L, 0, 0L));
		assertThat(mine.get(0).lastMessage().seq()).isEqualTo(last);
		assertThat(mine.get(0).lastMessage().reactions()).extracting(MessageView.Reaction::emoji).containsExactly("👍");
		assertThat(mine.get(1).lastMessage()).isNull();
	}

	private static int move(String roomId, String username, long seq) {
		Integer changed = tx.execute((status) -> markers.moveForward(roomId, username, seq));
		return changed;
	}

}
