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
	 * Takes the next seq of a room. The update locks the room's row until the transaction
	 * ends, so writers of one room queue here, in every JVM that shares the database.
	 * @param roomId the room
	 * @param now the room's new last activity
	 * @return 1, or 0 when there is no such room
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = false)
	@Query(value = "update rooms set last_seq = last_seq + 1, last_activity_at = :now where id = :roomId",
			nativeQuery = true)
	int advanceSeq(String roomId, Instant now);

	@Query(value = "select last_seq from rooms where id = :roomId", nativeQuery = true)
	long lastSeq(String roomId);

	@Query(value = "select count(*) > 0 from rooms where id = :roomId", nativeQuery = true)
	boolean existsRoom(String roomId);

	Optional<ChatMessage> findByRoomIdAndSenderAndClientId(String roomId, String sender, String clientId);

	List<ChatMessage> findByRoomIdOrderBySeqDesc(String roomId, Limit limit);

	List<ChatMessage> findByRoomIdAndSeqLessThanOrderBySeqDesc(String roomId, long seq, Limit limit);

	List<ChatMessage> findByRoomIdAndSeqGreaterThanOrderBySeqAsc(String roomId, long seq, Limit limit);

	@Query(value = "select m.* from messages m join rooms r on r.id = m.room_id and m.seq = r.last_seq"
			+ " where r.id in (:roomIds)", nativeQuery = true)
	List<ChatMessage> findLatest(Collection<String> roomIds);

}
