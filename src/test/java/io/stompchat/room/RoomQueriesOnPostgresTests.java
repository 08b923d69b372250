package io.stompchat.room;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.List;

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
 * The native queries of {@link ReadMarkers} and {@link Rooms} on a real PostgreSQL, not
 * only on the H2 of the other tests: both databases run the same SQL.
 */
class RoomQueriesOnPostgresTests {

	static ReadMarkers markers;

	static Rooms rooms;

	static JdbcTemplate jdbc;

	static TransactionTemplate tx;

	@BeforeAll
	static void start() {
		ConfigurableApplicationContext app = Postgres.shared();
		markers = app.getBean(ReadMarkers.class);
		rooms = app.getBean(Rooms.class);
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

	private static int move(String roomId, String username, long seq) {
		Integer changed = tx.execute((status) -> markers.moveForward(roomId, username, seq));
		return changed;
	}

}
