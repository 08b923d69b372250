package io.stompchat.presence;

import java.time.Instant;

import io.stompchat.support.Postgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The native queries of {@link JoinedSessions} on a real PostgreSQL, not only on the H2
 * of the other tests: both databases run the same SQL.
 */
class PresenceQueriesOnPostgresTests {

	static JoinedSessions sessions;

	static JdbcTemplate jdbc;

	@BeforeAll
	static void start() {
		ConfigurableApplicationContext app = Postgres.shared();
		sessions = app.getBean(JoinedSessions.class);
		jdbc = app.getBean(JdbcTemplate.class);
	}

	@Test
	void joinedSessionsAreCountedPerUserAndRoom() {
		Postgres.room(jdbc, "pg-presence");
		Postgres.room(jdbc, "pg-presence-2");
		Instant now = Instant.now();
		assertThat(sessions.join("s-1", "zoe-p", "pg-presence", now)).isEqualTo(1);
		assertThat(sessions.join("s-1", "zoe-p", "pg-presence", now)).isZero();
		assertThat(sessions.join("s-2", "zoe-p", "pg-presence", now)).isEqualTo(1);
		assertThat(sessions.join("s-3", "amy-p", "pg-presence", now)).isEqualTo(1);
		assertThat(sessions.join("s-1", "zoe-p", "pg-presence-2", now)).isEqualTo(1);
		assertThat(sessions.join("s-1", "zoe-p", "pg-no-such-room", now)).isZero();

		assertThat(sessions.countSessions("pg-presence", "zoe-p")).isEqualTo(2);
		assertThat(sessions.roomsOf("s-1", "zoe-p")).containsExactlyInAnyOrder("pg-presence", "pg-presence-2");
		assertThat(sessions.online("pg-presence")).containsExactly("amy-p", "zoe-p");
		// counted in the rooms of one member only: zoe-p's membership of pg-presence-2 is
		// not hers
		jdbc.update("insert into room_members (room_id, username, role, joined_at) values (?, ?, 'MEMBER', ?)",
				"pg-presence", "kim-p", java.sql.Timestamp.from(now));
		jdbc.update("insert into room_members (room_id, username, role, joined_at) values (?, ?, 'MEMBER', ?)",
				"pg-presence-2", "kim-p", java.sql.Timestamp.from(now));
		assertThat(sessions.countOnlineInRoomsOf("kim-p"))
			.extracting(JoinedSessions.RoomOnline::getRoomId, JoinedSessions.RoomOnline::getOnline)
			.containsExactlyInAnyOrder(tuple("pg-presence", 2L), tuple("pg-presence-2", 1L));
		assertThat(sessions.countOnlineInRoomsOf("zoe-p")).isEmpty();

		assertThat(sessions.leave("s-3", "amy-p", "pg-presence")).isEqualTo(1);
		assertThat(sessions.leave("s-3", "amy-p", "pg-presence")).isZero();
		assertThat(sessions.online("pg-presence")).containsExactly("zoe-p");
	}

}
