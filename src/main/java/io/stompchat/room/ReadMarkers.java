package io.stompchat.room;

import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Each user's read marker in each room they joined.
 */
interface ReadMarkers extends Repository<ReadMarker, ReadMarker.Key> {

	boolean existsByRoomIdAndUsername(String roomId, String username);

	ReadMarker saveAndFlush(ReadMarker marker);

	/**
	 * Moves a marker forward, never backwards, and never past the room's last message.
	 * @param roomId the room
	 * @param username the reader
	 * @param seq the seq read
	 * @return 1 when it moved, 0 when it stayed
	 */
	@Modifying
	@Query(value = "update read_markers set seq = least(:seq, (select r.last_seq from rooms r where r.id = :roomId))"
			+ " where room_id = :roomId and username = :username"
			+ " and seq < least(:seq, (select r.last_seq from rooms r where r.id = :roomId))", nativeQuery = true)
	int moveForward(String roomId, String username, long seq);

	/**
	 * Other users' CHAT messages after the user's marker, per room; rooms never joined
	 * are absent.
	 * @param username the reader
	 * @return one row per room
	 */
	@Query(value = "select m.room_id as roomId, count(*) as unread from messages m join read_markers rm"
			+ " on rm.room_id = m.room_id and rm.username = :username"
			+ " where m.seq > rm.seq and m.type = 'CHAT' and m.deleted = false and m.sender <> :username"
			+ " group by m.room_id", nativeQuery = true)
	List<UnreadCount> countUnread(String username);

	/**
	 * Of the unread messages, those that mention the user, per room; rooms without any
	 * are absent. Mentions are stored as {@code ,alice,bob,} on the message.
	 * @param username the reader
	 * @return one row per room
	 */
	@Query(value = "select m.room_id as roomId, count(*) as unread from messages m join read_markers rm"
			+ " on rm.room_id = m.room_id and rm.username = :username"
			+ " where m.seq > rm.seq and m.type = 'CHAT' and m.deleted = false and m.sender <> :username"
			+ " and m.mentions is not null and position(',' || :username || ',' in m.mentions) > 0"
			+ " group by m.room_id", nativeQuery = true)
	List<UnreadCount> countUnreadMentions(String username);

	/**
	 * A user's unread count in one room.
	 */
	interface UnreadCount {

		String getRoomId();

		long getUnread();

	}

}
