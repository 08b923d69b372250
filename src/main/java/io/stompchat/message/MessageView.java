package io.stompchat.message;

import java.time.Instant;
import java.util.List;

/**
 * A stored event as every client sees it, over STOMP and REST alike. A CHAT shows its
 * current state: latest text, when it was last edited, whether it was deleted, its
 * reactions, the line it replies to and whom it mentions.
 *
 * @param id database id
 * @param roomId the room
 * @param seq position in the room: 1, 2, 3... with no gap and no repeat
 * @param type what happened
 * @param sender the signed-in user who sent it (for a change: who made it)
 * @param text CHAT: its current text, null once deleted; EDIT: the new text, null once
 * the CHAT is deleted; otherwise null
 * @param sentAt when the server stored it
 * @param clientId the id the client chose, if any
 * @param replyTo CHAT: the line it replies to, or null
 * @param mentions CHAT and EDIT: the members named as {@code @name}, canonical; never
 * null
 * @param editedAt CHAT: the sentAt of its last EDIT, or null
 * @param deleted CHAT: whether it was deleted; false for every other type
 * @param reactions CHAT: its reactions, emoji in order of first use; never null
 * @param target a change: the seq of the CHAT it changes; otherwise null
 * @param emoji REACTION: the emoji; otherwise null
 * @param added REACTION: whether the emoji was added (true) or taken back; otherwise null
 * @param by JOIN or LEAVE: who added or removed the member when it was someone else;
 * otherwise null
 */
public record MessageView(Long id, String roomId, long seq, MessageType type, String sender, String text,
		Instant sentAt, String clientId, Reply replyTo, List<String> mentions, Instant editedAt, boolean deleted,
		List<Reaction> reactions, Long target, String emoji, Boolean added, String by) {

	/**
	 * A line of the simplest kind, without reply, mentions, edits or reactions.
	 * @param id database id
	 * @param roomId the room
	 * @param seq position in the room
	 * @param type what happened
	 * @param sender who sent it
	 * @param text the text, or null
	 * @param sentAt when it was stored
	 * @param clientId the client's id, or null
	 * @return the view
	 */
	public static MessageView line(Long id, String roomId, long seq, MessageType type, String sender, String text,
			Instant sentAt, String clientId) {
		return new MessageView(id, roomId, seq, type, sender, text, sentAt, clientId, null, List.of(), null, false,
				List.of(), null, null, null, null);
	}

	/**
	 * The quoted line of a reply.
	 *
	 * @param seq the seq of the quoted CHAT
	 * @param sender who wrote it
	 * @param text its first {@value MessageViews#EXCERPT} code points, null once it is
	 * deleted
	 */
	public record Reply(long seq, String sender, String text) {
	}

	/**
	 * One emoji on a CHAT.
	 *
	 * @param emoji the emoji
	 * @param users who reacted with it, in the order they did
	 */
	public record Reaction(String emoji, List<String> users) {
	}

}
