package io.stompchat.member;

/**
 * Published after a user stopped being a member of a room.
 *
 * @param roomId the room
 * @param username who is no longer a member
 * @param by who removed them, or null when they left
 * @param newOwner the member who took over as owner, or null when the owner did not
 * change
 */
public record MemberRemoved(String roomId, String username, String by, String newOwner) {

}
