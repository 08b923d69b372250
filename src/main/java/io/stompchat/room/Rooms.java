package io.stompchat.room;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The rooms.
 */
interface Rooms extends Repository<Room, String> {

	Optional<Room> findById(String id);

	Optional<Room> findByDirectKey(String directKey);

	boolean existsById(String id);

	boolean existsByNameKey(String nameKey);

	/**
	 * The rooms a user is a member of, most recently active first: one parameter, so the
	 * statement is planned once, whatever the number of rooms.
	 * @param username the user
	 * @return their rooms
	 */
	@Query(value = "select r.* from rooms r join room_members m on m.room_id = r.id where m.username = :username"
			+ " order by r.last_activity_at desc, r.id", nativeQuery = true)
	List<Room> findOfMember(String username);

	Room saveAndFlush(Room room);

	/**
	 * One room as some users see it, in one query: its name, kind, how many members it
	 * has and how many of them are online in it, and each of these users' unread count
	 * (other users' CHAT messages after that user's read marker, not deleted) and how
	 * many of those mention them. Users without a marker are absent: their count is 0.
	 * Only the given users' markers are read, so the cost follows them, not every member
	 * who ever read the room.
	 * @param roomId the room
	 * @param usernames the users, at least one
	 * @return one row per given user with a marker, or one row with a null username when
	 * none has; none when there is no such room
	 */
	@Query(value = "select r.name as name, r.kind as kind,"
			+ " (select count(distinct p.username) from room_presence p where p.room_id = r.id) as online,"
			+ " r.member_count as members, rm.username as username, count(m.id) as unread,"
			+ " coalesce(sum(case when m.mentions is not null and position(',' || rm.username || ',' in m.mentions) > 0"
			+ " then 1 else 0 end), 0) as mentions from rooms r"
			+ " left join read_markers rm on rm.room_id = r.id and rm.username in (:usernames)"
			+ " left join messages m on m.room_id = rm.room_id and m.seq > rm.seq and m.type = 'CHAT'"
			+ " and m.deleted = false and m.sender <> rm.username where r.id = :roomId"
			+ " group by r.id, r.name, r.kind, r.member_count, rm.username", nativeQuery = true)
	List<UnreadRow> findWithUnreadCounts(String roomId, Collection<String> usernames);

	/**
	 * The directory: PUBLIC rooms whose folded name contains a folded text, most members
	 * first, at most 100.
	 * @param pattern {@code %text%} with {@code \ % _} of the text escaped by a backslash
	 * @param username the caller, for {@code joined}
	 * @return the rooms
	 */
	@Query(value = "select r.id as id, r.name as name,"
			+ " (select count(*) from room_members k where k.room_id = r.id) as members,"
			+ " case when exists (select 1 from room_members j where j.room_id = r.id and j.username = :username)"
			+ " then 1 else 0 end as joined"
			+ " from rooms r where r.kind = 'PUBLIC' and r.name_key like :pattern escape '\\'"
			+ " order by members desc, r.id limit 100", nativeQuery = true)
	List<DirectoryRow> findPublic(String pattern, String username);

	/**
	 * A room with one user's unread count.
	 */
	interface UnreadRow {

		String getName();

		String getKind();

		int getOnline();

		long getMembers();

		/** The user, or null in the single row of a room that nobody joined. */
		String getUsername();

		long getUnread();

		/** Of the unread messages, those that mention the user. */
		long getMentions();

	}

	/**
	 * A PUBLIC room in the directory.
	 */
	interface DirectoryRow {

		String getId();

		String getName();

		long getMembers();

		int getJoined();

	}

}
