package io.stompchat.presence;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.stompchat.system.Destinations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Coalesces presence changes: a room marked any number of times gets one {@code PRESENCE}
 * snapshot at the next flush, every {@link #FLUSH_EVERY_MS} ms, read after the change was
 * committed; then {@link PresenceChanged} is published.
 */
@Component
class PresenceSnapshots {

	static final long FLUSH_EVERY_MS = 150;

	private static final Log logger = LogFactory.getLog(PresenceSnapshots.class);

	private final JoinedSessions joined;

	private final SimpMessageSendingOperations broker;

	private final ApplicationEventPublisher events;

	/** Rooms whose set may have changed since the last flush. */
	private final Set<String> changed = ConcurrentHashMap.newKeySet();

	PresenceSnapshots(JoinedSessions joined, SimpMessageSendingOperations broker, ApplicationEventPublisher events) {
		this.joined = joined;
		this.broker = broker;
		this.events = events;
	}

	/**
	 * The set of users online in a room may have changed.
	 * @param roomId the room
	 */
	void mark(String roomId) {
		this.changed.add(roomId);
	}

	/**
	 * Broadcasts one snapshot for every room whose set may have changed.
	 */
	@Scheduled(fixedDelay = FLUSH_EVERY_MS)
	void flush() {
		for (Iterator<String> rooms = this.changed.iterator(); rooms.hasNext();) {
			String roomId = rooms.next();
			rooms.remove();
			try {
				List<String> online = this.joined.online(roomId);
				this.broker.convertAndSend(Destinations.roomTopic(roomId), new PresenceSnapshot(roomId, online));
				this.events.publishEvent(new PresenceChanged(roomId, online));
			}
			catch (RuntimeException ex) {
				logger.warn("Could not broadcast the presence of room " + roomId, ex);
			}
		}
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
