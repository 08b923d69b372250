package io.stompchat.presence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Entering and leaving a room: the commands that write who is online where. A user is
 * online in a room while at least one of their connected STOMP sessions has entered it
 * and not left, whichever instance holds that session.
 * <p>
 * The entered sessions live in the shared database ({@code room_presence}), so every
 * instance reads the same set; the instance that holds a session writes its rows. When a
 * user becomes online or offline in a room, the room is marked for the next
 * {@link PresenceSnapshots snapshot}. Every command is idempotent: a second leave finds
 * no row and changes nothing.
 */
@Component
public class RoomPresence {

	static final int MAX_SESSION_ID = 255;

	private final JoinedSessions joined;

	private final LocalSessions local;

	private final PresenceSnapshots snapshots;

	private final TypingIndicators typing;

	private final SimpUserRegistry registry;

	RoomPresence(JoinedSessions joined, LocalSessions local, PresenceSnapshots snapshots, TypingIndicators typing,
			SimpUserRegistry registry) {
		this.joined = joined;
		this.local = local;
		this.snapshots = snapshots;
		this.typing = typing;
		this.registry = registry;
	}

	/**
	 * A session enters a room. Nothing happens without a session, or when there is no
	 * such room.
	 * @param roomId the room
	 * @param username the session's user
	 * @param sessionId the STOMP session, or null
	 */
	public void enter(String roomId, String username, String sessionId) {
		if (!isValid(sessionId)) {
			return;
		}
		// counted before the insert: two first entries at once both mark the room, never
		// neither
		boolean first = this.joined.countSessions(roomId, username) == 0;
		if (this.joined.join(sessionId, username, roomId, Instant.now().truncatedTo(ChronoUnit.MICROS)) == 0) {
			// entered before, or no such room
			if (this.joined.existsBySessionIdAndUsernameAndRoomId(sessionId, username, roomId)) {
				this.local.joined(sessionId, roomId);
			}
			return;
		}
		this.local.joined(sessionId, roomId);
		if (!isConnected(username, sessionId)) {
			// the session ended while its JOIN was on the way
			this.local.ended(sessionId);
			left(roomId, username, sessionId);
		}
		else if (first) {
			this.snapshots.mark(roomId);
		}
	}

	/**
	 * A session leaves a room; the user stops typing in it.
	 * @param roomId the room
	 * @param username the session's user
	 * @param sessionId the STOMP session, or null
	 */
	public void leave(String roomId, String username, String sessionId) {
		if (isValid(sessionId)) {
			left(roomId, username, sessionId);
		}
		this.typing.stop(roomId, username);
	}

	/**
	 * Removes a session's row, whether it left, disconnected, or was swept.
	 * @param roomId the room
	 * @param username the session's user
	 * @param sessionId the STOMP session
	 */
	void left(String roomId, String username, String sessionId) {
		this.local.left(sessionId, roomId);
		// counted after the delete: two last leaves at once both mark the room, never
		// neither
		if (this.joined.leave(sessionId, username, roomId) == 1 && this.joined.countSessions(roomId, username) == 0) {
			this.snapshots.mark(roomId);
		}
	}

	/**
	 * Whether any instance reports the session as connected: the {@link SimpUserRegistry}
	 * spans every instance when the broker relay broadcasts it.
	 */
	boolean isConnected(String username, String sessionId) {
		SimpUser user = this.registry.getUser(username);
		return user != null && user.getSession(sessionId) != null;
	}

	private static boolean isValid(String sessionId) {
		return sessionId != null && sessionId.length() <= MAX_SESSION_ID;
	}

}
