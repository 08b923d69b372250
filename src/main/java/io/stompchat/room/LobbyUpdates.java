package io.stompchat.room;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.stompchat.member.MemberAdded;
import io.stompchat.member.MemberRemoved;
import io.stompchat.message.MessagePosted;
import io.stompchat.message.MessageView;
import io.stompchat.presence.PresenceChanged;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every lobby live: when a room changes (a new message, its online count), each of
 * its connected members' lobby receives that room's summary as they see it; a new member
 * receives the room at once, a former member {@code removed}.
 * <p>
 * Cheap by construction: changes are coalesced per room for {@link #FLUSH_EVERY_MS} ms,
 * and one flush of a room costs one query whatever the number of users. Only the instance
 * that saw a change sends it.
 */
@Component
class LobbyUpdates {

	static final long FLUSH_EVERY_MS = 200;

	private static final Log logger = LogFactory.getLog(LobbyUpdates.class);

	private final LobbySender sender;

	/** Rooms changed since the last flush, with their latest message seen here. */
	private final Map<String, PendingUpdate> changed = new ConcurrentHashMap<>();

	LobbyUpdates(LobbySender sender) {
		this.sender = sender;
	}

	@EventListener
	void on(MessagePosted posted) {
		MessageView message = posted.message();
		// a change (edit, delete, reaction) is no preview: the summary reads the latest
		// line,
		// in its current state, and the counts it may have changed
		this.changed.merge(message.roomId(), new PendingUpdate(message.type().isChange() ? null : message),
				PendingUpdate::latest);
	}

	@EventListener
	void on(PresenceChanged presence) {
		this.changed.merge(presence.roomId(), new PendingUpdate(null), PendingUpdate::latest);
	}

	@EventListener
	void on(MemberAdded added) {
		this.sender.pushTo(added.username(), added.roomId());
	}

	@EventListener
	void on(MemberRemoved removed) {
		this.sender.pushRemoved(removed.username(), removed.roomId());
	}

	@Scheduled(fixedDelay = FLUSH_EVERY_MS)
	void flush() {
		for (String roomId : this.changed.keySet()) {
			PendingUpdate update = this.changed.remove(roomId);
			if (update == null) {
				continue;
			}
			try {
				this.sender.pushToMembers(roomId, update.lastMessage());
			}
			catch (RuntimeException ex) {
				logger.warn("Could not update the lobby for room " + roomId, ex);
			}
		}
	}

	/**
	 * A room's lobby update waiting for the next flush.
	 *
	 * @param lastMessage the latest message of the room seen here, or null when only its
	 * presence changed
	 */
	record PendingUpdate(MessageView lastMessage) {

		static PendingUpdate latest(PendingUpdate a, PendingUpdate b) {
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
