package io.stompchat.member;

import io.stompchat.system.Refusal;

import org.springframework.http.HttpStatus;

/**
 * What a user may do in a room, and the room's kind: the one rule of who reads and who
 * writes. A room the user may not read is answered exactly like an unknown one.
 *
 * @param level what the user may do
 * @param kind the room's kind, or null when the room does not exist
 */
public record Access(Level level, RoomKind kind) {

	static final Access NONE = new Access(Level.NONE, null);

	/**
	 * The rule.
	 * @param kind the room's kind, or null for an unknown room
	 * @param role the user's role in it, or null when not a member
	 * @return the access
	 */
	static Access of(RoomKind kind, Role role) {
		if (kind == null) {
			return NONE;
		}
		if (role == Role.OWNER) {
			return new Access(Level.OWNER, kind);
		}
		if (role == Role.MEMBER) {
			return new Access(Level.MEMBER, kind);
		}
		return new Access((kind == RoomKind.PUBLIC) ? Level.READER : Level.NONE, kind);
	}

	public boolean canRead() {
		return this.level != Level.NONE;
	}

	public boolean isMember() {
		return this.level == Level.MEMBER || this.level == Level.OWNER;
	}

	public boolean isOwner() {
		return this.level == Level.OWNER;
	}

	/**
	 * Refuses a user who may not read the room with 404, like an unknown room.
	 * @param roomId the room, for the refusal
	 * @return this access
	 */
	public Access requireReader(String roomId) {
		if (!canRead()) {
			throw Refusal.unknownRoom(roomId);
		}
		return this;
	}

	/**
	 * Refuses a non-member: 404 when they may not read the room, 403 when it is PUBLIC.
	 * @param roomId the room, for the refusal
	 * @return this access
	 */
	public Access requireMember(String roomId) {
		requireReader(roomId);
		if (!isMember()) {
			throw notAMember();
		}
		return this;
	}

	/**
	 * Refuses a DIRECT room, whose two members never change, with 400.
	 * @return this access
	 */
	public Access requireNotDirect() {
		if (this.kind == RoomKind.DIRECT) {
			throw Refusal.invalid("direct_room", "A direct chat always has its two members.");
		}
		return this;
	}

	static Refusal notAMember() {
		return new Refusal(HttpStatus.FORBIDDEN, "not_a_member", "Join the room first.");
	}

	/**
	 * What a user may do in a room.
	 */
	public enum Level {

		/** Unknown room, or a PRIVATE or DIRECT room the user is not a member of. */
		NONE,

		/** A PUBLIC room the user is not a member of: read and join. */
		READER,

		/** A member. */
		MEMBER,

		/** The room's owner: a member who also removes others. */
		OWNER

	}

}
