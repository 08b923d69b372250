package io.stompchat.presence;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.stompchat.message.MessagePosted;
import io.stompchat.message.MessageType;
import io.stompchat.message.MessageView;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Who is online in which room: a user is online in a room while at least one of their
 * connected STOMP sessions has joined it and not left. Every handler is idempotent, since
 * a disconnect can be reported twice.
 */
@Component
public class Presence {

	/** session id → (user, rooms joined by that session). */
	private final Map<String, SessionRooms> sessions = new ConcurrentHashMap<>();

	@EventListener
	void on(MessagePosted posted) {
		MessageView message = posted.message();
		if (posted.sessionId() == null || message.type() == MessageType.CHAT) {
			return;
		}
		SessionRooms session = this.sessions.computeIfAbsent(posted.sessionId(),
				(id) -> new SessionRooms(message.sender(), ConcurrentHashMap.newKeySet()));
		if (message.type() == MessageType.JOIN) {
			session.rooms().add(message.roomId());
		}
		else {
			session.rooms().remove(message.roomId());
		}
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		this.sessions.remove(disconnected.getSessionId());
	}

	/**
	 * The users online in a room.
	 * @param roomId the room
	 * @return their names, sorted
	 */
	public Set<String> online(String roomId) {
		Set<String> users = new TreeSet<>();
		this.sessions.values().forEach((session) -> {
			if (session.rooms().contains(roomId)) {
				users.add(session.user());
			}
		});
		return users;
	}

	record SessionRooms(String user, Set<String> rooms) {
	}

}
