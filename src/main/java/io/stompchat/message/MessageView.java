package io.stompchat.message;

import java.time.Instant;

/**
 * A stored message as every client sees it, over STOMP and REST alike.
 *
 * @param id database id
 * @param roomId the room
 * @param seq position in the room: 1, 2, 3... with no gap and no repeat
 * @param type CHAT, JOIN or LEAVE
 * @param sender the signed-in user who sent it
 * @param text the text exactly as sent (CHAT only, otherwise null)
 * @param sentAt when the server stored it
 * @param clientId the id the client chose, if any
 */
public record MessageView(Long id, String roomId, long seq, MessageType type, String sender, String text,
		Instant sentAt, String clientId) {

}
