package io.stompchat.message;

import java.time.Instant;
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
 * The native queries of {@link Messages} on a real PostgreSQL, not only on the H2 of the
 * other tests: both databases run the same SQL.
 */
class MessageQueriesOnPostgresTests {

	static Messages messages;

	static JdbcTemplate jdbc;

	static TransactionTemplate tx;

	@BeforeAll
	static void start() {
		ConfigurableApplicationContext app = Postgres.shared();
		messages = app.getBean(Messages.class);
		jdbc = app.getBean(JdbcTemplate.class);
		tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
	}

	@Test
	void theSeqAdvancesOnlyInAnExistingRoom() {
		Postgres.room(jdbc, "pg-seq");
		assertThat(messages.existsRoom("pg-seq")).isTrue();
		assertThat(messages.existsRoom("pg-no-such-room")).isFalse();
		assertThat(advance("pg-seq")).isEqualTo(1);
		assertThat(advance("pg-seq")).isEqualTo(1);
		assertThat(advance("pg-no-such-room")).isZero();
		assertThat(messages.lastSeq("pg-seq")).isEqualTo(2);
	}

	@Test
	void theSeqAdvancesByTheLinesOfABatch() {
		Postgres.room(jdbc, "pg-batch");
		Integer changed = tx.execute((status) -> messages.advanceSeq("pg-batch", 3, Instant.now()));
		assertThat(changed).isEqualTo(1);
		assertThat(messages.lastSeq("pg-batch")).isEqualTo(3);
		assertThat(jdbc.queryForObject("select last_line_seq from rooms where id = 'pg-batch'", Long.class))
			.isEqualTo(3);
	}

	@Test
	void theLatestMessageOfEachRoomIsFound() {
		Postgres.room(jdbc, "pg-latest-a");
		Postgres.room(jdbc, "pg-latest-b");
		Postgres.room(jdbc, "pg-latest-empty");
		Postgres.message(jdbc, "pg-latest-a", "JOIN", "ann-l");
		Postgres.message(jdbc, "pg-latest-a", "CHAT", "ann-l");
		Postgres.message(jdbc, "pg-latest-b", "CHAT", "ben-l");
		List<MessageView> latest = messages.findLatest(List.of("pg-latest-a", "pg-latest-b", "pg-latest-empty"))
			.stream()
			.map((message) -> message.toView(null, List.of()))
			.toList();
		assertThat(latest).extracting(MessageView::roomId, MessageView::seq, MessageView::type, MessageView::sender)
			.containsExactlyInAnyOrder(tuple("pg-latest-a", 2L, MessageType.CHAT, "ann-l"),
					tuple("pg-latest-b", 1L, MessageType.CHAT, "ben-l"));
	}

	private static int advance(String roomId) {
		Integer changed = tx.execute((status) -> messages.advanceSeq(roomId, 1, Instant.now()));
		return changed;
	}

}
