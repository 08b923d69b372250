package io.stompchat.presence;

import io.stompchat.system.ScheduledWork;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.stompchat.message.MessagePosted;
import io.stompchat.message.MessageType;
import io.stompchat.message.MessageView;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Who is online in which room. A user is online in a room while at least one of their
 * connected STOMP sessions has joined it and not left, whichever instance holds that
 * session.
 * <p>
 * The joined sessions live in the shared database ({@code room_presence}), so every
 * instance reads the same set. The instance that holds a session writes its rows: on
 * JOIN, on LEAVE, and on disconnect (a DISCONNECT frame, a closed transport or a missed
 * heart-beat all end in a {@link SessionDisconnectEvent}). Rows of sessions that no
 * instance reports any more in the {@link SimpUserRegistry} (which spans every instance
 * when the broker relay broadcasts it) are swept after a grace period: that covers a
 * crashed instance.
 * <p>
 * A change marks the room; a flush every {@link #FLUSH_EVERY} broadcasts one
 * {@code PRESENCE} snapshot per marked room, read after the change was committed, and
 * publishes {@link PresenceChanged}. Every handler is idempotent: a second disconnect
 * finds no rows and changes nothing.
 */
@Component
public class Presence extends ScheduledWork {

	static final Duration FLUSH_EVERY = Duration.ofMillis(150);

	static final Duration SWEEP_EVERY = Duration.ofSeconds(15);

	/** Longer than the registry broadcast of the relay (every 10 s, kept for 20 s). */
	static final Duration GRACE = Duration.ofSeconds(60);

	static final int MAX_SESSION_ID = 255;

	private static final Log logger = LogFactory.getLog(Presence.class);

	private final JoinedSessions joined;

	private final SimpUserRegistry registry;

	private final SimpMessageSendingOperations broker;

	private final ApplicationEventPublisher events;

	/** Rooms whose set may have changed since the last flush. */
	private final Set<String> changed = ConcurrentHashMap.newKeySet();

	/** Session id → rooms it joined, for the sessions of this instance. */
	private final Map<String, Set<String>> localSessions = new ConcurrentHashMap<>();

	Presence(JoinedSessions joined, SimpUserRegistry registry, SimpMessageSendingOperations broker,
			ApplicationEventPublisher events) {
		super("presence-");
		this.joined = joined;
		this.registry = registry;
		this.broker = broker;
		this.events = events;
	}

	@EventListener
	void on(MessagePosted posted) {
		MessageView message = posted.message();
		String sessionId = posted.sessionId();
		if (sessionId == null || sessionId.length() > MAX_SESSION_ID || message.type() == MessageType.CHAT) {
			return;
		}
		if (message.type() == MessageType.JOIN) {
			joined(sessionId, message.sender(), message.roomId());
		}
		else {
			left(sessionId, message.sender(), message.roomId());
		}
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		String sessionId = disconnected.getSessionId();
		this.localSessions.remove(sessionId);
		Principal user = disconnected.getUser();
		if (user != null && sessionId.length() <= MAX_SESSION_ID) {
			for (String roomId : this.joined.roomsOf(sessionId, user.getName())) {
				left(sessionId, user.getName(), roomId);
			}
		}
	}

	private void joined(String sessionId, String username, String roomId) {
		this.localSessions.computeIfAbsent(sessionId, (id) -> ConcurrentHashMap.newKeySet()).add(roomId);
		// counted before the insert: two first JOINs at once both mark the room, never
		// neither
		boolean first = this.joined.countSessions(roomId, username) == 0;
		if (this.joined.join(sessionId, username, roomId, Instant.now().truncatedTo(ChronoUnit.MICROS)) == 0) {
			return;
		}
		if (!isConnected(username, sessionId)) {
			// the session ended while its JOIN was on the way
			this.localSessions.remove(sessionId);
			left(sessionId, username, roomId);
		}
		else if (first) {
			this.changed.add(roomId);
		}
	}

	private void left(String sessionId, String username, String roomId) {
		Set<String> rooms = this.localSessions.get(sessionId);
		if (rooms != null) {
			rooms.remove(roomId);
		}
		// counted after the delete: two last LEAVEs at once both mark the room, never
		// neither
		if (this.joined.leave(sessionId, username, roomId) == 1 && this.joined.countSessions(roomId, username) == 0) {
			this.changed.add(roomId);
		}
	}

	/**
	 * The users online in a room.
	 * @param roomId the room
	 * @return their names, sorted
	 */
	public Set<String> online(String roomId) {
		return new TreeSet<>(this.joined.online(roomId));
	}

	/**
	 * How many users are online in each room, in one query.
	 * @return count by room id; rooms where nobody is online are absent
	 */
	public Map<String, Integer> onlineCounts() {
		Map<String, Integer> counts = new HashMap<>();
		for (Object[] row : this.joined.countOnline()) {
			counts.put((String) row[0], ((Number) row[1]).intValue());
		}
		return counts;
	}

	/**
	 * Whether a session of this instance has joined a room and not left it.
	 * @param sessionId the STOMP session
	 * @param roomId the room
	 * @return true when it is in the room
	 */
	boolean hasJoined(String sessionId, String roomId) {
		Set<String> rooms = this.localSessions.get(sessionId);
		return rooms != null && rooms.contains(roomId);
	}

	/**
	 * Broadcasts one snapshot for every room whose set may have changed.
	 */
	void flush() {
		for (Iterator<String> rooms = this.changed.iterator(); rooms.hasNext();) {
			String roomId = rooms.next();
			rooms.remove();
			try {
				List<String> online = this.joined.online(roomId);
				this.broker.convertAndSend("/topic/room." + roomId, new PresenceSnapshot(roomId, online));
				this.events.publishEvent(new PresenceChanged(roomId, online));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not broadcast the presence of room " + roomId, ex);
			}
		}
	}

	/**
	 * Forgets sessions that no instance reports any more.
	 */
	void sweep() {
		try {
			for (JoinedSession row : this.joined.findByJoinedAtBefore(Instant.now().minus(GRACE))) {
				if (!isConnected(row.getUsername(), row.getSessionId())) {
					left(row.getSessionId(), row.getUsername(), row.getRoomId());
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not sweep presence", ex);
		}
	}

	private boolean isConnected(String username, String sessionId) {
		SimpUser user = this.registry.getUser(username);
		return user != null && user.getSession(sessionId) != null;
	}

	@Override
	protected void schedule(TaskScheduler scheduler) {
		scheduler.scheduleWithFixedDelay(this::flush, FLUSH_EVERY);
		scheduler.scheduleWithFixedDelay(this::sweep, Instant.now().plus(SWEEP_EVERY), SWEEP_EVERY);
	}

	/**
	 * What {@code /topic/room.{id}} receives whenever the set of online users changes.
	 *
	 * @param type always {@code PRESENCE}
	 * @param roomId the room
	 * @param online the users online, sorted
	 */
	record PresenceSnapshot(String type, String roomId, List<String> online) {

		PresenceSnapshot(String roomId, List<String> online) {
			this("PRESENCE", roomId, online);
		}

	}

}
