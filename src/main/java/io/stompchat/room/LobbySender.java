package io.stompchat.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.stompchat.member.RoomAccess;
import io.stompchat.message.MessageView;
import io.stompchat.system.Destinations;

import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Sends room summaries to users' lobbies ({@code /user/queue/rooms}): one room to each of
 * its connected members as each sees it, one room to one user, or the news that a user is
 * no longer a member. The cost of a room's update follows its members, not every
 * connected user: the members are read, and each is looked up in the
 * {@link SimpUserRegistry}, which spans every instance when the broker relay broadcasts
 * it; user destinations reach sessions on other instances.
 */
@Component
class LobbySender {

	private final RoomSummaries summaries;

	private final RoomAccess access;

	private final SimpUserRegistry registry;

	private final SimpMessageSendingOperations broker;

	LobbySender(RoomSummaries summaries, RoomAccess access, SimpUserRegistry registry,
			SimpMessageSendingOperations broker) {
		this.summaries = summaries;
		this.access = access;
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
	 * Tells one user that a room is no longer one of theirs.
	 * @param username the user
	 * @param roomId the room
	 */
	void pushRemoved(String username, String roomId) {
		SimpUser user = this.registry.getUser(username);
		if (user != null) {
			send(user, new RoomRemoved(roomId));
		}
	}

	/**
	 * Sends every connected member of a room its summary, in one query whatever the
	 * number of members (see {@link Rooms#findWithUnreadCounts}).
	 * @param roomId the room
	 * @param lastMessage its last message when the caller knows it, or null
	 */
	void pushToMembers(String roomId, MessageView lastMessage) {
		List<SimpUser> users = new ArrayList<>();
		for (String name : this.access.memberNames(roomId)) {
			SimpUser user = this.registry.getUser(name);
			if (user != null) {
				users.add(user);
			}
		}
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
	private void send(SimpUser user, Object payload) {
		for (SimpSession session : user.getSessions()) {
			this.broker.convertAndSend(Destinations.ROOMS + "-user" + session.getId(), payload,
					Map.of(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION, Destinations.userQueue(Destinations.ROOMS)));
		}
	}

}
