package io.stompchat.message;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The stored messages, and the seq counter they take from their room's row.
 */
interface Messages extends Repository<ChatMessage, Long> {

	ChatMessage saveAndFlush(ChatMessage message);

	/**
	 * Takes the next seq of a room for a line (CHAT, JOIN, LEAVE): the room's latest line
	 * and last activity move too. The update locks the room's row until the transaction
	 * ends, so writers of one room queue here, in every JVM that shares the database.
	 * @param roomId the room
	 * @param now the room's new last activity
	 * @return 1, or 0 when there is no such room
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query(value = "update rooms set last_seq = last_seq + 1, last_line_seq = last_seq + 1, last_activity_at = :now"
			+ " where id = :roomId", nativeQuery = true)
	int advanceSeq(String roomId, Instant now);

	/**
	 * Takes the next seq of a room for a change (EDIT, DELETE, REACTION), under the same
	 * row lock as {@link #advanceSeq}; a change is not the room's latest line and not
	 * activity that reorders the lobby.
	 * @param roomId the room
	 * @return 1, or 0 when there is no such room
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query(value = "update rooms set last_seq = last_seq + 1 where id = :roomId", nativeQuery = true)
	int advanceChangeSeq(String roomId);

	@Query(value = "select last_seq from rooms where id = :roomId", nativeQuery = true)
	long lastSeq(String roomId);

	@Query(value = "select count(*) > 0 from rooms where id = :roomId", nativeQuery = true)
	boolean existsRoom(String roomId);

	Optional<ChatMessage> findByRoomIdAndSenderAndClientId(String roomId, String sender, String clientId);

	// The pages are written out rather than derived from the method names: a derived
	// query
	// with a Limit is built anew on every call, and its plan with it (a third of a
	// history
	// page's time in the profile of issue 12).

	@Query("select m from ChatMessage m where m.roomId = :roomId order by m.seq desc")
	List<ChatMessage> findByRoomIdOrderBySeqDesc(String roomId, Limit limit);

	@Query("select m from ChatMessage m where m.roomId = :roomId and m.seq < :seq order by m.seq desc")
	List<ChatMessage> findByRoomIdAndSeqLessThanOrderBySeqDesc(String roomId, long seq, Limit limit);

	@Query("select m from ChatMessage m where m.roomId = :roomId and m.seq > :seq order by m.seq asc")
	List<ChatMessage> findByRoomIdAndSeqGreaterThanOrderBySeqAsc(String roomId, long seq, Limit limit);

	Optional<ChatMessage> findByRoomIdAndSeq(String roomId, long seq);

	/**
	 * The lines quoted by replies, read for a page at once: a superset when the page
	 * spans rooms; the caller matches (room, seq).
	 * @param roomIds the rooms of the replies
	 * @param seqs the quoted seqs
	 * @return the quoted lines
	 */
	List<ChatMessage> findByRoomIdInAndSeqIn(Collection<String> roomIds, Collection<Long> seqs);

	/**
	 * Erases the words of a deleted CHAT's edits.
	 * @param roomId the room
	 * @param target the seq of the deleted CHAT
	 * @return the edits erased
	 */
	@Modifying(flushAutomatically = true)
	@Query("update ChatMessage m set m.text = null, m.mentions = null where m.roomId = :roomId"
			+ " and m.target = :target and m.type = io.stompchat.message.MessageType.EDIT")
	int eraseEdits(String roomId, long target);

	/**
	 * The latest line (CHAT, JOIN or LEAVE, not a change) of each room.
	 * @param roomIds the rooms
	 * @return one per room that has a line
	 */
	@Query(value = "select m.* from messages m join rooms r on r.id = m.room_id and m.seq = r.last_line_seq"
			+ " where r.id in (:roomIds)", nativeQuery = true)
	List<ChatMessage> findLatest(Collection<String> roomIds);

	/**
	 * The latest line of each room a user is a member of, joined from their memberships:
	 * one parameter, so the statement is planned once, whatever the number of rooms.
	 * @param username the user
	 * @return one per room of theirs that has a line
	 */
	@Query(value = "select m.* from room_members mm join rooms r on r.id = mm.room_id"
			+ " join messages m on m.room_id = r.id and m.seq = r.last_line_seq where mm.username = :username",
			nativeQuery = true)
	List<ChatMessage> findLatestOfMember(String username);

	/**
	 * CHAT lines of one room whose current text contains a pattern, newest first.
	 * @param roomId the room
	 * @param pattern an {@code ilike} pattern, {@code \\} escaping
	 * @param before only ids below this
	 * @param limit at most this many
	 * @return the lines
	 */
	@Query(value = "select m.* from messages m where m.room_id = :roomId and m.type = 'CHAT'"
			+ " and m.deleted = false and m.text ilike :pattern escape '\\' and m.id < :before"
			+ " order by m.id desc limit :limit", nativeQuery = true)
	List<ChatMessage> search(String roomId, String pattern, long before, int limit);

	/**
	 * CHAT lines of the rooms a user is a member of whose current text contains a
	 * pattern, newest first; the rooms are read from their memberships in the same
	 * statement, so it is planned once whatever their number.
	 * @param username the user
	 * @param pattern an {@code ilike} pattern, {@code \\} escaping
	 * @param before only ids below this
	 * @param limit at most this many
	 * @return the lines
	 */
	@Query(value = "select m.* from messages m where m.room_id in (select mm.room_id from room_members mm"
			+ " where mm.username = :username) and m.type = 'CHAT' and m.deleted = false"
			+ " and m.text ilike :pattern escape '\\' and m.id < :before order by m.id desc limit :limit",
			nativeQuery = true)
	List<ChatMessage> searchRoomsOf(String username, String pattern, long before, int limit);

}
