package io.stompchat.message;

import io.stompchat.member.Members;
import io.stompchat.member.Role;

import org.springframework.stereotype.Service;

/**
 * Membership changes that the room's history records: a new member gets a JOIN line, a
 * member who leaves or is removed a LEAVE line. Callers have checked the rule
 * ({@link io.stompchat.member.RoomAccess}); presence, read markers and lobbies follow
 * from the member module's facts.
 */
@Service
public class RoomMemberships {

	private final Members members;

	private final MessagePosting posting;

	RoomMemberships(Members members, MessagePosting posting) {
		this.members = members;
		this.posting = posting;
	}

	/**
	 * Adds a member and stores their JOIN line.
	 * @param roomId the room
	 * @param username the canonical name of the new member
	 * @param role their role
	 * @param by who added them, or null when they joined themselves
	 * @return true when they became a member; false, and nothing stored, when they
	 * already were one
	 */
	public boolean add(String roomId, String username, Role role, String by) {
		if (!this.members.add(roomId, username, role, by)) {
			return false;
		}
		this.posting.join(roomId, username, by);
		return true;
	}

	/**
	 * Ends a membership and stores the LEAVE line; the member's subscriptions to the room
	 * stop with it.
	 * @param roomId the room
	 * @param username the member
	 * @param by who removed them, or null when they left
	 * @return true when they were a member
	 */
	public boolean remove(String roomId, String username, String by) {
		if (!this.members.remove(roomId, username, by)) {
			return false;
		}
		this.posting.leave(roomId, username, by);
		return true;
	}

}
