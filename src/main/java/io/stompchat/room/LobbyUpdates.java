package io.stompchat.room;

import io.stompchat.system.ScheduledWork;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.stompchat.message.MessagePosted;
import io.stompchat.message.MessageView;
import io.stompchat.presence.PresenceChanged;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Keeps every lobby live: when a room changes (a new message, its online count), each
 * connected user's {@code /user/queue/rooms} receives that room's summary as they see it;
 * when a user's read marker moves, that user alone receives it.
 * <p>
 * Cheap by construction: changes are coalesced per room for {@link #FLUSH_EVERY}, and one
 * flush of a room costs one query (see {@link Rooms#audience}) whatever the number of
 * users. The users are those of the {@link SimpUserRegistry}, which spans every instance
 * when the broker relay broadcasts it, and user destinations reach sessions on other
 * instances; so only the instance that saw a change sends it. Every room is open to every
 * signed-in user, so every connected user may see every room.
 */
@Component
class LobbyUpdates extends ScheduledWork {

	static final Duration FLUSH_EVERY = Duration.ofMillis(200);

	static final String QUEUE = "/queue/rooms";

	private static final Log logger = LogFactory.getLog(LobbyUpdates.class);

	private final RoomSummaries summaries;

	private final SimpUserRegistry registry;

	private final SimpMessageSendingOperations broker;

	/** Rooms changed since the last flush, with their latest message seen here. */
	private final Map<String, Change> changed = new ConcurrentHashMap<>();

	LobbyUpdates(RoomSummaries summaries, SimpUserRegistry registry, SimpMessageSendingOperations broker) {
		super("lobby-");
		this.summaries = summaries;
		this.registry = registry;
		this.broker = broker;
	}

	@EventListener
	void on(MessagePosted posted) {
		this.changed.merge(posted.message().roomId(), new Change(posted.message()), Change::latest);
	}

	@EventListener
	void on(PresenceChanged presence) {
		this.changed.merge(presence.roomId(), new Change(null), Change::latest);
	}

	/**
	 * Sends one user the summary of one room, to all their sessions.
	 * @param username the user
	 * @param roomId the room
	 */
	void pushTo(String username, String roomId) {
		SimpUser user = this.registry.getUser(username);
		if (user != null) {
			this.summaries.forUser(username, roomId).ifPresent((summary) -> send(user, summary));
		}
	}

	void flush() {
		for (String roomId : this.changed.keySet()) {
			Change change = this.changed.remove(roomId);
			if (change == null) {
				continue;
			}
			try {
				pushToEveryone(roomId, change.lastMessage());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not update the lobby for room " + roomId, ex);
			}
		}
	}

	private void pushToEveryone(String roomId, MessageView lastMessage) {
		Set<SimpUser> users = this.registry.getUsers();
		if (users.isEmpty()) {
			return;
		}
		this.summaries.forEveryone(roomId, lastMessage)
			.ifPresent((room) -> users.forEach((user) -> send(user, room.summaryFor(user.getName()))));
	}

	/**
	 * Sends to each session of the user, on whichever instance it is, straight to the
	 * broker destination that Spring's user destination resolver gives
	 * {@code /user/queue/rooms} for that session ({@code /queue/rooms-user{session id}}),
	 * with the original destination for the client to see. Two things rule out the plain
	 * {@code convertAndSendToUser}: to a user with two sessions it fails on the second
	 * one when publish order is preserved ("Expected mutable SimpMessageHeaderAccessor",
	 * Spring Framework 7.0.10); and addressed with a session id header, the relay sends
	 * through that session's own broker connection, which only its own instance has.
	 */
	private void send(SimpUser user, RoomSummary summary) {
		for (SimpSession session : user.getSessions()) {
			this.broker.convertAndSend(QUEUE + "-user" + session.getId(), summary,
					Map.of(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, "/user" + QUEUE));
		}
	}

	@Override
	protected void schedule(TaskScheduler scheduler) {
		scheduler.scheduleWithFixedDelay(this::flush, FLUSH_EVERY);
	}

	/**
	 * @param lastMessage the latest message of the room seen here, or null when only its
	 * presence changed
	 */
	record Change(MessageView lastMessage) {

		static Change latest(Change a, Change b) {
			if (a.lastMessage() == null) {
				return b;
			}
			if (b.lastMessage() == null) {
				return a;
			}
			return (a.lastMessage().seq() >= b.lastMessage().seq()) ? a : b;
		}

	}

}
