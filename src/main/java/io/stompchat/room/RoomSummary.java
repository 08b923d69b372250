package io.stompchat.room;

import io.stompchat.message.MessageView;

/**
 * A room as one user sees it in the lobby.
 *
 * @param id the room id
 * @param name the room name
 * @param lastMessage the room's last stored message, or null
 * @param unread other users' CHAT messages after this user's read marker
 * @param online users online in the room
 */
record RoomSummary(String id, String name, MessageView lastMessage, long unread, int online) {

}
