package io.stompchat.presence;

import java.io.Serializable;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * A STOMP session that has joined a room and not left it, on whichever instance holds the
 * session. A user is online in a room while at least one such row exists.
 */
@Entity
@Table(name = "room_presence")
@IdClass(JoinedSession.Key.class)
class JoinedSession {

	@Id
	@Column(name = "session_id")
	private String sessionId;

	@Id
	private String username;

	@Id
	@Column(name = "room_id")
	private String roomId;

	@Column(name = "joined_at", nullable = false)
	private Instant joinedAt;

	protected JoinedSession() {
	}

	String getSessionId() {
		return this.sessionId;
	}

	String getUsername() {
		return this.username;
	}

	String getRoomId() {
		return this.roomId;
	}

	record Key(String sessionId, String username, String roomId) implements Serializable {
	}

}
