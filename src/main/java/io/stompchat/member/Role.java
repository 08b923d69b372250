package io.stompchat.member;

/**
 * A member's role in a room: the creator is the owner, everyone else a member.
 */
public enum Role {

	OWNER, MEMBER

}
