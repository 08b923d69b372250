package io.stompchat.room;

import java.util.Map;
import java.util.Set;

import io.stompchat.message.MessageView;
import io.stompchat.system.Destinations;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Sends room summaries to users' lobbies ({@code /user/queue/rooms}): one room to every
 * connected user as each sees it, or one room to one user. The users are those of the
 * {@link SimpUserRegistry}, which spans every instance when the broker relay broadcasts
 * it, and user destinations reach sessions on other instances. Every room is open to
 * every signed-in user, so every connected user may see every room.
 */
@Component
class LobbySender {

	private final RoomSummaries summaries;

	private final SimpUserRegistry registry;

	private final SimpMessageSendingOperations broker;

	LobbySender(RoomSummaries summaries, SimpUserRegistry registry, SimpMessageSendingOperations broker) {
		this.summaries = summaries;
		this.registry = registry;
		this.broker = broker;
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

	/**
	 * Sends every connected user the summary of one room, in one query whatever the
	 * number of users (see {@link Rooms#findWithUnreadCounts}).
	 * @param roomId the room
	 * @param lastMessage its last message when the caller knows it, or null
	 */
	void pushToEveryone(String roomId, MessageView lastMessage) {
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
			this.broker.convertAndSend(Destinations.ROOMS + "-user" + session.getId(), summary,
					Map.of(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, Destinations.userQueue(Destinations.ROOMS)));
		}
	}

}
