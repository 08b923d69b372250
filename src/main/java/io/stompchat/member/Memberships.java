package io.stompchat.member;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The members of every room; the room's kind is read from {@code rooms}, which the room
 * module owns.
 */
interface Memberships extends Repository<Membership, Membership.Key> {

	Membership saveAndFlush(Membership membership);

	Optional<Membership> findByRoomIdAndUsername(String roomId, String username);

	/** Owner first, then by how long they have been members. */
	@Query("select m from Membership m where m.roomId = :roomId order by case when m.role = 'OWNER' then 0 else 1 end,"
			+ " m.joinedAt, m.username")
	List<Membership> findByRoomId(String roomId);

	@Query(value = "select m.username from room_members m where m.room_id = :roomId", nativeQuery = true)
	List<String> findNames(String roomId);

	/**
	 * Moves the room's {@code member_count} by one membership added or removed, in the
	 * transaction that adds or removes it; the update holds the room's row until the
	 * transaction ends, so concurrent changes of one room count one after the other.
	 * @param roomId the room
	 * @param change +1 or -1
	 * @return 1, or 0 when there is no such room
	 */
	@Modifying(flushAutomatically = true)
	@Query(value = "update rooms set member_count = member_count + :change where id = :roomId", nativeQuery = true)
	int countMember(String roomId, int change);

	@Modifying
	@Query(value = "delete from room_members where room_id = :roomId and username = :username", nativeQuery = true)
	int delete(String roomId, String username);

	@Modifying
	@Query(value = "update room_members set role = 'OWNER' where room_id = :roomId and username = :username",
			nativeQuery = true)
	int makeOwner(String roomId, String username);

	/**
	 * How many members a room has.
	 */
	interface MemberCount {

		String getRoomId();

		long getMembers();

	}

}
