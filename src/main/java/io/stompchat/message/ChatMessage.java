package io.stompchat.message;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One stored event of a room's log. A CHAT row also holds the line's current state (text,
 * last edit, deletion, mentions, the line it replies to), which its changes update in the
 * transaction that stores them.
 */
@Entity
@Table(name = "messages")
class ChatMessage {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "room_id", nullable = false)
	private String roomId;

	@Column(nullable = false)
	private long seq;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private MessageType type;

	@Column(nullable = false)
	private String sender;

	private String text;

	@Column(name = "sent_at", nullable = false)
	private Instant sentAt;

	@Column(name = "client_id")
	private String clientId;

	@Column(name = "by_username")
	private String by;

	private Long target;

	private String emoji;

	private Boolean added;

	@Column(name = "reply_to")
	private Long replyTo;

	@Column(name = "edited_at")
	private Instant editedAt;

	@Column(nullable = false)
	private boolean deleted;

	/** The mentioned names as {@code ,alice,bob,}, or null when none. */
	private String mentions;

	protected ChatMessage() {
	}

	private ChatMessage(String roomId, long seq, MessageType type, String sender, String text, Instant sentAt,
			String clientId, String by) {
		this.roomId = roomId;
		this.seq = seq;
		this.type = type;
		this.sender = sender;
		this.text = text;
		this.sentAt = sentAt;
		this.clientId = clientId;
		this.by = by;
	}

	static ChatMessage line(String roomId, long seq, MessageType type, String sender, Instant sentAt, String by) {
		return new ChatMessage(roomId, seq, type, sender, null, sentAt, null, by);
	}

	static ChatMessage chat(String roomId, long seq, String sender, String text, Instant sentAt, String clientId,
			Long replyTo, List<String> mentions) {
		ChatMessage chat = new ChatMessage(roomId, seq, MessageType.CHAT, sender, text, sentAt, clientId, null);
		chat.replyTo = replyTo;
		chat.mentions = joined(mentions);
		return chat;
	}

	static ChatMessage edit(ChatMessage target, long seq, String sender, String text, Instant sentAt, String clientId,
			List<String> mentions) {
		ChatMessage edit = new ChatMessage(target.roomId, seq, MessageType.EDIT, sender, text, sentAt, clientId, null);
		edit.target = target.seq;
		edit.mentions = joined(mentions);
		return edit;
	}

	static ChatMessage delete(ChatMessage target, long seq, String sender, Instant sentAt, String clientId) {
		ChatMessage delete = new ChatMessage(target.roomId, seq, MessageType.DELETE, sender, null, sentAt, clientId,
				null);
		delete.target = target.seq;
		return delete;
	}

	static ChatMessage reaction(ChatMessage target, long seq, String sender, Instant sentAt, String clientId,
			String emoji, boolean added) {
		ChatMessage reaction = new ChatMessage(target.roomId, seq, MessageType.REACTION, sender, null, sentAt, clientId,
				null);
		reaction.target = target.seq;
		reaction.emoji = emoji;
		reaction.added = added;
		return reaction;
	}

	/**
	 * Applies an edit to this CHAT's current state.
	 * @param newText the new text
	 * @param newMentions whom it mentions now
	 * @param at when the edit was stored
	 */
	void edited(String newText, List<String> newMentions, Instant at) {
		this.text = newText;
		this.mentions = joined(newMentions);
		this.editedAt = at;
	}

	/**
	 * Erases this CHAT's words: the text and what was derived from it.
	 */
	void erase() {
		this.deleted = true;
		this.text = null;
		this.mentions = null;
		this.replyTo = null;
	}

	Long getId() {
		return this.id;
	}

	String getRoomId() {
		return this.roomId;
	}

	long getSeq() {
		return this.seq;
	}

	MessageType getType() {
		return this.type;
	}

	String getSender() {
		return this.sender;
	}

	String getText() {
		return this.text;
	}

	Long getReplyTo() {
		return this.replyTo;
	}

	boolean isDeleted() {
		return this.deleted;
	}

	List<String> mentioned() {
		if (this.mentions == null) {
			return List.of();
		}
		return Arrays.stream(this.mentions.split(",")).filter((name) -> !name.isEmpty()).toList();
	}

	MessageView toView(MessageView.Reply reply, List<MessageView.Reaction> reactions) {
		return new MessageView(this.id, this.roomId, this.seq, this.type, this.sender, this.text, this.sentAt,
				this.clientId, reply, mentioned(), this.editedAt, this.deleted, reactions, this.target, this.emoji,
				this.added, this.by);
	}

	/**
	 * The mentioned names as stored.
	 * @param names the names
	 * @return {@code ,alice,bob,}, or null when none
	 */
	static String joined(List<String> names) {
		return names.isEmpty() ? null : "," + String.join(",", names) + ",";
	}

}
