package io.stompchat.member;

import java.util.List;

import io.stompchat.system.RoomIds;
import io.stompchat.system.RoomReaders;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one rule of who may read and write a room, and the questions about members that
 * other modules ask. Every path (REST, STOMP, pages, the lobby) asks here.
 */
@Component
@Transactional(readOnly = true)
public class RoomAccess implements RoomReaders {

	private final Memberships memberships;

	RoomAccess(Memberships memberships) {
		this.memberships = memberships;
	}

	/**
	 * What the user may do in the room, in one query.
	 * @param roomId the room; an invalid id is an unknown room
	 * @param username the signed-in user
	 * @return the access, {@link Access.Level#NONE} for an unknown room
	 */
	public Access of(String roomId, String username) {
		if (!RoomIds.isValid(roomId)) {
			return Access.NONE;
		}
		return this.memberships.findAccess(roomId, username)
			.map((row) -> Access.of(RoomKind.valueOf(row.getKind()),
					(row.getRole() != null) ? Role.valueOf(row.getRole()) : null))
			.orElse(Access.NONE);
	}

	@Override
	public boolean mayRead(String roomId, String username) {
		return of(roomId, username).canRead();
	}

	/**
	 * The names of a room's members.
	 * @param roomId the room
	 * @return their names, in no order
	 */
	public List<String> memberNames(String roomId) {
		return this.memberships.findNames(roomId);
	}

	/**
	 * A room's members, owner first, then by how long they have been members.
	 * @param roomId the room
	 * @return the members
	 */
	public List<Member> members(String roomId) {
		return this.memberships.findByRoomId(roomId)
			.stream()
			.map((m) -> new Member(m.getUsername(), m.getRole()))
			.toList();
	}

	/**
	 * A member of a room.
	 *
	 * @param username the member
	 * @param role their role
	 */
	public record Member(String username, Role role) {
	}

}
