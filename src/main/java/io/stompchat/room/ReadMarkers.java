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
	 * Other users' CHAT messages after the user's marker, not deleted, and how many of
	 * them mention the user, per room; rooms never joined, and rooms where nothing is
	 * unread, are absent. Mentions are stored as {@code ,alice,bob,} on the message.
	 * Starts from the user's markers ({@code ix_read_markers_user}), so the cost follows
	 * the user's rooms and unread messages, not every message stored.
	 * @param username the reader
	 * @return one row per room
	 */
	@Query(value = "select rm.room_id as roomId, count(*) as unread,"
			+ " coalesce(sum(case when m.mentions is not null and position(',' || :username || ',' in m.mentions) > 0"
			+ " then 1 else 0 end), 0) as mentions"
			+ " from read_markers rm join messages m on m.room_id = rm.room_id and m.seq > rm.seq"
			+ " where rm.username = :username and m.type = 'CHAT' and m.deleted = false and m.sender <> :username"
			+ " group by rm.room_id", nativeQuery = true)
	List<UnreadCount> countUnread(String username);

	/**
	 * A user's unread count in one room, and how many of those messages mention them.
	 */
	interface UnreadCount {

		String getRoomId();

		long getUnread();

		long getMentions();

	}

}
