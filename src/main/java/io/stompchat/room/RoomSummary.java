package io.stompchat.room;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.stompchat.member.RoomKind;
import io.stompchat.message.MessageView;

/**
 * A room as one user sees it in the lobby.
 *
 * @param id the room id
 * @param name the room name; for a DIRECT room, the other user's name
 * @param kind PUBLIC, PRIVATE or DIRECT
 * @param lastMessage the room's last stored message, or null
 * @param unread other users' CHAT messages after this user's read marker, not deleted
 * @param mentions those of the unread messages that mention this user
 * @param online users online in the room
 * @param members how many members it has
 * @param with for a DIRECT room the other user, otherwise absent
 */
record RoomSummary(String id, String name, RoomKind kind, MessageView lastMessage, long unread, long mentions,
		int online, long members, @JsonInclude(JsonInclude.Include.NON_NULL) String with) {

	/**
	 * The same room without this user's counts: a PUBLIC room they have not joined.
	 * @return the summary with unread and mentions 0
	 */
	RoomSummary withoutCounts() {
		return new RoomSummary(this.id, this.name, this.kind, this.lastMessage, 0, 0, this.online, this.members,
				this.with);
	}

}
