package io.stompchat.member;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A user's membership of a room, since {@code joinedAt}.
 */
@Entity
@Table(name = "room_members")
@IdClass(Membership.Key.class)
class Membership {

	@Id
	@Column(name = "room_id")
	private String roomId;

	@Id
	private String username;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Role role;

	@Column(name = "joined_at", nullable = false)
	private Instant joinedAt;

	protected Membership() {
	}

	Membership(String roomId, String username, Role role, Instant joinedAt) {
		this.roomId = roomId;
		this.username = username;
		this.role = role;
		this.joinedAt = joinedAt;
	}

	String getRoomId() {
		return this.roomId;
	}

	String getUsername() {
		return this.username;
	}

	Role getRole() {
		return this.role;
	}

	Instant getJoinedAt() {
		return this.joinedAt;
	}

	record Key(String roomId, String username) implements Serializable {
	}

}
