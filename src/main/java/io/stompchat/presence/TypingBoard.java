package io.stompchat.presence;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Who is typing where, and when to tell the room. Pure state: the caller passes the time
 * ({@link System#nanoTime()}) and broadcasts what the methods say.
 * <p>
 * A user typing in a room is announced once when they start, again at most every
 * {@code repeatAfter} while they keep renewing (so that clients on other instances keep
 * seeing it), and stops when they say so, leave, send a message, lose the session that
 * started it, or do not renew it within {@code expiresAfter}.
 */
final class TypingBoard {

	private final long expiresAfter;

	private final long repeatAfter;

	private final Map<Key, State> states = new HashMap<>();

	TypingBoard(Duration expiresAfter, Duration repeatAfter) {
		this.expiresAfter = expiresAfter.toNanos();
		this.repeatAfter = repeatAfter.toNanos();
	}

	/**
	 * A user says they are typing.
	 * @param key room and user
	 * @param sessionId the session that said so
	 * @param now the time in nanos
	 * @return whether to broadcast {@code typing: true}
	 */
	synchronized boolean start(Key key, String sessionId, long now) {
		State state = this.states.get(key);
		if (state == null) {
			this.states.put(key, new State(sessionId, now + this.expiresAfter, now));
			return true;
		}
		state.sessionId = sessionId;
		state.expiresAt = now + this.expiresAfter;
		if (now - state.announcedAt >= this.repeatAfter) {
			state.announcedAt = now;
			return true;
		}
		return false;
	}

	/**
	 * A user stopped typing (said so, sent the message, or left).
	 * @param key room and user
	 * @return whether to broadcast {@code typing: false}
	 */
	synchronized boolean stop(Key key) {
		return this.states.remove(key) != null;
	}

	/**
	 * Typing states not renewed in time.
	 * @param now the time in nanos
	 * @return the removed states, each to be broadcast as {@code typing: false}
	 */
	synchronized List<Key> expire(long now) {
		return removeIf((state) -> now - state.expiresAt >= 0);
	}

	/**
	 * Typing states started by a session that ended.
	 * @param sessionId the session
	 * @return the removed states, each to be broadcast as {@code typing: false}
	 */
	synchronized List<Key> dropSession(String sessionId) {
		return removeIf((state) -> state.sessionId.equals(sessionId));
	}

	synchronized boolean isTyping(Key key) {
		return this.states.containsKey(key);
	}

	private List<Key> removeIf(java.util.function.Predicate<State> condition) {
		List<Key> removed = new ArrayList<>();
		for (Iterator<Map.Entry<Key, State>> entries = this.states.entrySet().iterator(); entries.hasNext();) {
			Map.Entry<Key, State> entry = entries.next();
			if (condition.test(entry.getValue())) {
				removed.add(entry.getKey());
				entries.remove();
			}
		}
		return removed;
	}

	/**
	 * A user in a room.
	 *
	 * @param roomId the room
	 * @param username the user
	 */
	record Key(String roomId, String username) {
	}

	private static final class State {

		private String sessionId;

		private long expiresAt;

		private long announcedAt;

		State(String sessionId, long expiresAt, long announcedAt) {
			this.sessionId = sessionId;
			this.expiresAt = expiresAt;
			this.announcedAt = announcedAt;
		}

	}

}
