package io.stompchat.room;

import java.time.Instant;

import io.stompchat.member.DirectPair;
import io.stompchat.member.RoomKind;
import io.stompchat.system.Texts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A conversation: a PUBLIC or PRIVATE group, or the DIRECT chat of two users. Names are
 * unique among PUBLIC rooms only ({@code name_key} is null for the others), so a private
 * group's name never reveals another one; a DIRECT room's name is its two users' names,
 * and its {@code direct_key} makes it one per pair.
 */
@Entity
@Table(name = "rooms")
class Room {

	@Id
	private String id;

	@Column(nullable = false)
	private String name;

	@Column(name = "name_key")
	private String nameKey;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private RoomKind kind;

	@Column(name = "direct_key")
	private String directKey;

	/** Written by the message module while it holds the row lock; read-only here. */
	@Column(name = "last_seq", nullable = false)
	private long lastSeq;

	@Column(name = "last_activity_at", nullable = false)
	private Instant lastActivityAt;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/** Kept by the member module with each membership change; read-only here. */
	@Column(name = "member_count", insertable = false, updatable = false)
	private long memberCount;

	protected Room() {
	}

	Room(String id, String name, RoomKind kind, Instant now) {
		this.id = id;
		this.name = name;
		this.kind = kind;
		this.nameKey = (kind == RoomKind.PUBLIC) ? Texts.fold(name) : null;
		this.lastSeq = 0;
		this.lastActivityAt = now;
		this.createdAt = now;
	}

	/**
	 * The direct chat of a pair of users.
	 * @param id the room's id
	 * @param pair the two users, canonical names
	 * @param now when
	 * @return the room
	 */
	static Room direct(String id, DirectPair pair, Instant now) {
		Room room = new Room(id, pair.a() + " " + pair.b(), RoomKind.DIRECT, now);
		room.directKey = pair.key();
		return room;
	}

	String getId() {
		return this.id;
	}

	String getName() {
		return this.name;
	}

	RoomKind getKind() {
		return this.kind;
	}

	long getMemberCount() {
		return this.memberCount;
	}

	long getLastSeq() {
		return this.lastSeq;
	}

	/**
	 * The name as one user sees it: the other user's name for a DIRECT room.
	 * @param username the viewer
	 * @return the name
	 */
	String nameFor(String username) {
		String with = with(this.kind, this.name, username);
		return (with != null) ? with : this.name;
	}

	/**
	 * The other user of a DIRECT room, from its stored name ("alice bob").
	 * @param kind the room's kind
	 * @param name its stored name
	 * @param username the viewer
	 * @return the other user, or null for a group
	 */
	static String with(RoomKind kind, String name, String username) {
		if (kind != RoomKind.DIRECT) {
			return null;
		}
		String[] both = name.split(" ", 2);
		return (both.length == 2) ? new DirectPair(both[0], both[1]).other(username) : name;
	}

}
