package io.stompchat.presence;

import java.security.Principal;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * A session that ends leaves every room it entered. A DISCONNECT frame, a closed
 * transport and a missed heart-beat all end in a {@link SessionDisconnectEvent}, on the
 * instance that held the session; a second event for the same session finds no rows.
 */
@Component
class PresenceDisconnects {

	private final JoinedSessions joined;

	private final LocalSessions local;

	private final RoomPresence presence;

	PresenceDisconnects(JoinedSessions joined, LocalSessions local, RoomPresence presence) {
		this.joined = joined;
		this.local = local;
		this.presence = presence;
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		String sessionId = disconnected.getSessionId();
		this.local.ended(sessionId);
		Principal user = disconnected.getUser();
		if (user != null && sessionId.length() <= RoomPresence.MAX_SESSION_ID) {
			for (String roomId : this.joined.roomsOf(sessionId, user.getName())) {
				this.presence.left(roomId, user.getName(), sessionId);
			}
		}
	}

}
