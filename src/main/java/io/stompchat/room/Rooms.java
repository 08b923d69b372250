package io.stompchat.room;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

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
	 * @return rows of (name, online, username or null, unread); none when there is no
	 * such room
	 */
	@Query(value = "select r.name, (select count(distinct p.username) from room_presence p where p.room_id = r.id),"
			+ " rm.username, count(m.id) from rooms r" + " left join read_markers rm on rm.room_id = r.id"
			+ " left join messages m on m.room_id = rm.room_id and m.seq > rm.seq and m.type = 'CHAT'"
			+ " and m.sender <> rm.username where r.id = :roomId group by r.id, r.name, rm.username",
			nativeQuery = true)
	List<Object[]> audience(String roomId);

}
