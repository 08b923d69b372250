package io.stompchat.message;

/**
 * Published after a user's JOIN line was stored and broadcast, next to its
 * {@link MessagePosted}.
 *
 * @param roomId the room
 * @param username who joined
 * @param seq the seq of the JOIN line
 */
public record MemberJoined(String roomId, String username, long seq) {

}
