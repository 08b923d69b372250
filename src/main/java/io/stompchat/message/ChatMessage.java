package io.stompchat.message;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

	protected ChatMessage() {
	}

	ChatMessage(String roomId, long seq, MessageType type, String sender, String text, Instant sentAt,
			String clientId) {
		this.roomId = roomId;
		this.seq = seq;
		this.type = type;
		this.sender = sender;
		this.text = text;
		this.sentAt = sentAt;
		this.clientId = clientId;
	}

	MessageView toView() {
		return new MessageView(this.id, this.roomId, this.seq, this.type, this.sender, this.text, this.sentAt,
				this.clientId);
	}

}
