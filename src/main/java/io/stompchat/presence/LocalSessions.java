package io.stompchat.presence;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The rooms each STOMP session of this instance has joined and not left: answers "may
 * this session type here?" without a query.
 */
@Component
class LocalSessions {

	/** Session id → rooms it joined. */
	private final Map<String, Set<String>> rooms = new ConcurrentHashMap<>();

	void joined(String sessionId, String roomId) {
		this.rooms.computeIfAbsent(sessionId, (id) -> ConcurrentHashMap.newKeySet()).add(roomId);
	}

	void left(String sessionId, String roomId) {
		Set<String> joined = this.rooms.get(sessionId);
		if (joined != null) {
			joined.remove(roomId);
		}
	}

	void ended(String sessionId) {
		this.rooms.remove(sessionId);
	}

	/**
	 * Whether a session of this instance has joined a room and not left it.
	 * @param sessionId the STOMP session
	 * @param roomId the room
	 * @return true when it is in the room
	 */
	boolean hasJoined(String sessionId, String roomId) {
		Set<String> joined = this.rooms.get(sessionId);
		return joined != null && joined.contains(roomId);
	}

}
