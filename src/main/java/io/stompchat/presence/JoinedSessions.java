package io.stompchat.presence;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The entered sessions of every instance ({@code room_presence}).
 */
interface JoinedSessions extends Repository<JoinedSession, JoinedSession.Key> {

	/**
	 * Records that a session joined a room; a second JOIN of the same session changes
	 * nothing.
	 * @param sessionId the STOMP session
	 * @param username its user
	 * @param roomId the room
	 * @param now when
	 * @return 1 when recorded, 0 when it was already there
	 */
	@Transactional
	@Modifying
	@Query(value = "insert into room_presence (session_id, username, room_id, joined_at)"
			+ " select :sessionId, :username, r.id, :now from rooms r where r.id = :roomId and not exists"
			+ " (select 1 from room_presence p where p.session_id = :sessionId and p.username = :username"
			+ " and p.room_id = :roomId)", nativeQuery = true)
	int join(String sessionId, String username, String roomId, Instant now);

	@Transactional
	@Modifying
	@Query(value = "delete from room_presence where session_id = :sessionId and username = :username"
			+ " and room_id = :roomId", nativeQuery = true)
	int leave(String sessionId, String username, String roomId);

	@Query(value = "select count(*) from room_presence where room_id = :roomId and username = :username",
			nativeQuery = true)
	long countSessions(String roomId, String username);

	@Query(value = "select room_id from room_presence where session_id = :sessionId and username = :username",
			nativeQuery = true)
	List<String> roomsOf(String sessionId, String username);

	@Query(value = "select distinct username from room_presence where room_id = :roomId order by username",
			nativeQuery = true)
	List<String> online(String roomId);

	@Query(value = "select session_id from room_presence where room_id = :roomId and username = :username",
			nativeQuery = true)
	List<String> sessionsOf(String roomId, String username);

	boolean existsBySessionIdAndUsernameAndRoomId(String sessionId, String username, String roomId);

	/**
	 * Users online in each room a user is a member of, from their memberships.
	 * @param username the user
	 * @return one row per room of theirs where someone is online
	 */
	@Query(value = "select p.room_id as roomId, count(distinct p.username) as online from room_members mm"
			+ " join room_presence p on p.room_id = mm.room_id where mm.username = :username group by p.room_id",
			nativeQuery = true)
	List<RoomOnline> countOnlineInRoomsOf(String username);

	List<JoinedSession> findByJoinedAtBefore(Instant before);

	/**
	 * How many users are online in a room.
	 */
	interface RoomOnline {

		String getRoomId();

		long getOnline();

	}

}
