package io.stompchat.room;

import java.time.Instant;

import io.stompchat.system.Texts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "rooms")
class Room {

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	@Column(name = "name_key", nullable = false)
	private String nameKey;

	/** Written by the message module while it holds the row lock; read-only here. */
	@Column(name = "last_seq", nullable = false)
	private long lastSeq;

	@Column(name = "last_activity_at", nullable = false)
	private Instant lastActivityAt;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	protected Room() {
	}

	Room(String id, String name, Instant now) {
		this.id = id;
		this.name = name;
		this.nameKey = Texts.fold(name);
		this.lastSeq = 0;
		this.lastActivityAt = now;
		this.createdAt = now;
	}

	String getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	long getLastSeq() {
		return this.lastSeq;
	}

}
