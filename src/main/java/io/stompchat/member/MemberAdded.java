package io.stompchat.member;

/**
 * Published after a user became a member of a room.
 *
 * @param roomId the room
 * @param username the new member
 * @param role their role
 * @param by who added them, or null when they joined themselves or by sign-up
 */
public record MemberAdded(String roomId, String username, Role role, String by) {

}
