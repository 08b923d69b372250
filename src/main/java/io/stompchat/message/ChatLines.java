package io.stompchat.message;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The statements of {@link GroupCommit}, the bulk of what the server writes: a room's
 * seqs taken and its CHAT lines inserted with plain JDBC, on the connection of the
 * transaction under way (the JPA transaction manager shares it). A line is the row that
 * {@link Messages#save} of a {@link ChatMessage#chat} would write, without the
 * persistence context, its flushes and its entity copies: a line is written once and
 * never read back in that transaction. The many-rooms benchmark measured the difference
 * (docs/bench).
 */
@Component
class ChatLines {

	private static final String ADVANCE = "update rooms set last_seq = last_seq + ?, last_line_seq = last_seq + ?,"
			+ " last_activity_at = ? where id = ?";

	private static final String LAST_SEQ = "select last_seq from rooms where id = ?";

	private static final String INSERT = "insert into messages (room_id, seq, type, sender, text, sent_at, client_id,"
			+ " reply_to, mentions, deleted) values (?, ?, 'CHAT', ?, ?, ?, ?, ?, ?, false)";

	private static final String[] ID = { "id" };

	private final JdbcTemplate jdbc;

	ChatLines(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes a room's next seqs for lines (not for changes: see
	 * {@link Messages#advanceChangeSeq}): the room's last seq, the seq of its latest line
	 * and its last activity move. The update locks the room's row until the transaction
	 * ends, so writers of one room queue here, in every JVM that shares the database.
	 * @param roomId the room
	 * @param lines how many lines take a seq
	 * @param now the room's new last activity
	 * @return the room's last seq now (its lines take the {@code lines} seqs up to it),
	 * or -1 when there is no such room
	 */
	long advance(String roomId, int lines, Instant now) {
		if (this.jdbc.update(ADVANCE, lines, lines, utc(now), roomId) == 0) {
			return -1;
		}
		Long last = this.jdbc.queryForObject(LAST_SEQ, Long.class, roomId);
		return (last != null) ? last : -1;
	}

	/**
	 * Inserts a CHAT line.
	 * @param line the line
	 * @param seq its seq
	 * @param now when it is stored
	 * @return its database id
	 */
	long insert(GroupCommit.ChatLine line, long seq, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			PreparedStatement insert = connection.prepareStatement(INSERT, ID);
			insert.setString(1, line.roomId());
			insert.setLong(2, seq);
			insert.setString(3, line.sender());
			insert.setString(4, line.text());
			insert.setObject(5, utc(now));
			insert.setString(6, line.clientId());
			if (line.replyTo() != null) {
				insert.setLong(7, line.replyTo());
			}
			else {
				insert.setNull(7, Types.BIGINT);
			}
			insert.setString(8, ChatMessage.joined(line.mentions()));
			return insert;
		}, key);
		return key.getKeyAs(Number.class).longValue();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
