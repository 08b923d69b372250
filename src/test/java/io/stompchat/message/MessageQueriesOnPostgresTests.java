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

	static ChatLines lines;

	static JdbcTemplate jdbc;

	static TransactionTemplate tx;

	@BeforeAll
	static void start() {
		ConfigurableApplicationContext app = Postgres.shared();
		messages = app.getBean(Messages.class);
		lines = app.getBean(ChatLines.class);
		jdbc = app.getBean(JdbcTemplate.class);
		tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
	}

	@Test
	void theSeqAdvancesOnlyInAnExistingRoom() {
		Postgres.room(jdbc, "pg-seq");
		assertThat(messages.existsRoom("pg-seq")).isTrue();
		assertThat(messages.existsRoom("pg-no-such-room")).isFalse();
		assertThat(advance("pg-seq", 1)).isEqualTo(1);
		assertThat(advance("pg-seq", 1)).isEqualTo(2);
		assertThat(advance("pg-no-such-room", 1)).isEqualTo(-1);
		assertThat(messages.lastSeq("pg-seq")).isEqualTo(2);
	}

	@Test
	void theSeqAdvancesByTheLinesOfABatch() {
		Postgres.room(jdbc, "pg-batch");
		assertThat(advance("pg-batch", 3)).isEqualTo(3);
		assertThat(messages.lastSeq("pg-batch")).isEqualTo(3);
		assertThat(jdbc.queryForObject("select last_line_seq from rooms where id = 'pg-batch'", Long.class))
			.isEqualTo(3);
	}

	@Test
	void aChatLineIsStoredAsTheEntityReadsIt() {
		Postgres.room(jdbc, "pg-line");
		Instant now = Instant.parse("2026-12-03T10:15:30.123Z");
		GroupCommit.ChatLine line = new GroupCommit.ChatLine("pg-line", "ann-line", "hi @ben", "c-1", null,
				List.of("ben"));
		Long id = tx.execute((status) -> lines.insert(line, advance("pg-line", 1), now));
		ChatMessage stored = messages.findByRoomIdAndSeq("pg-line", 1).orElseThrow();
		assertThat(stored.toView(null, List.of()))
			.extracting(MessageView::id, MessageView::type, MessageView::sender, MessageView::text, MessageView::sentAt,
					MessageView::clientId, MessageView::mentions, MessageView::deleted)
			.containsExactly(id, MessageType.CHAT, "ann-line", "hi @ben", now, "c-1", List.of("ben"), false);
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

	private static long advance(String roomId, int count) {
		return tx.execute((status) -> lines.advance(roomId, count, Instant.now()));
	}

}
