package io.stompchat.message;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One user's current reaction with one emoji on one CHAT. The id orders them: emoji by
 * their first use, users by when they reacted.
 */
@Entity
@Table(name = "message_reactions")
class MessageReaction {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "message_id", nullable = false)
	private long messageId;

	@Column(nullable = false)
	private String emoji;

	@Column(nullable = false)
	private String username;

	@Column(name = "reacted_at", nullable = false)
	private Instant reactedAt;

	protected MessageReaction() {
	}

	MessageReaction(long messageId, String emoji, String username, Instant reactedAt) {
		this.messageId = messageId;
		this.emoji = emoji;
		this.username = username;
		this.reactedAt = reactedAt;
	}

	long getMessageId() {
		return this.messageId;
	}

	String getEmoji() {
		return this.emoji;
	}

	String getUsername() {
		return this.username;
	}

}
