package io.stompchat.room;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The rooms.
 */
interface Rooms extends Repository<Room, String> {

	Optional<Room> findById(String id);

	boolean existsById(String id);

	boolean existsByNameKey(String nameKey);

	List<Room> findAllByOrderByLastActivityAtDescIdAsc();

	Room saveAndFlush(Room room);

	/**
	 * One room as every user sees it, in one query: its name, how many users are online
	 * in it, and each user's unread count (other users' CHAT messages after that user's
	 * read marker). Users without a marker (never joined) are absent: their count is 0.
	 * @param roomId the room
	 * @return one row per user with a marker, or one row with a null username when none
	 * has; none when there is no such room
	 */
	@Query(value = "select r.name as name,"
			+ " (select count(distinct p.username) from room_presence p where p.room_id = r.id) as online,"
			+ " rm.username as username, count(m.id) as unread from rooms r"
			+ " left join read_markers rm on rm.room_id = r.id"
			+ " left join messages m on m.room_id = rm.room_id and m.seq > rm.seq and m.type = 'CHAT'"
			+ " and m.sender <> rm.username where r.id = :roomId group by r.id, r.name, rm.username",
			nativeQuery = true)
	List<UnreadRow> findWithUnreadCounts(String roomId);

	/**
	 * A room with one user's unread count.
	 */
	interface UnreadRow {

		String getName();

		int getOnline();

		/** The user, or null in the single row of a room that nobody joined. */
		String getUsername();

		long getUnread();

	}

}
