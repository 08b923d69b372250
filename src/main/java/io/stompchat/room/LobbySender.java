package io.stompchat.room;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import io.stompchat.member.RoomAccess;
import io.stompchat.message.MessageView;
import io.stompchat.system.Destinations;
import io.stompchat.system.UserQueues;

import org.springframework.stereotype.Component;

/**
 * Sends room summaries to users' lobbies ({@code /user/queue/rooms}): one room to each of
 * its members as each sees it, one room to one user, or the news that a user is no longer
 * a member. The cost of a room's update follows its members, not every connected user:
 * one query reads the room for all of them, and {@link UserQueues} reaches their sessions
 * on every instance.
 */
@Component
class LobbySender {

	private final RoomSummaries summaries;

	private final RoomAccess access;

	private final UserQueues queues;

	LobbySender(RoomSummaries summaries, RoomAccess access, UserQueues queues) {
		this.summaries = summaries;
		this.access = access;
		this.queues = queues;
	}

	/**
	 * Sends one user the summary of one room, to all their sessions.
	 * @param username the user
	 * @param roomId the room
	 */
	void pushTo(String username, String roomId) {
		this.summaries.forUser(username, roomId)
			.ifPresent((summary) -> this.queues.send(Destinations.ROOMS, username, summary));
	}

	/**
	 * Tells one user that a room is no longer one of theirs.
	 * @param username the user
	 * @param roomId the room
	 */
	void pushRemoved(String username, String roomId) {
		this.queues.send(Destinations.ROOMS, username, new RoomRemoved(roomId));
	}

	/**
	 * Sends every member of a room who has their lobby open (see
	 * {@link UserQueues#listening}) its summary, in one query whatever the number of
	 * members (see {@link Rooms#findWithUnreadCounts}).
	 * @param roomId the room
	 * @param lastMessage its last message when the caller knows it, or null
	 */
	void pushToMembers(String roomId, MessageView lastMessage) {
		Collection<String> members = this.queues.listening(Destinations.ROOMS, this.access.memberNames(roomId));
		if (members.isEmpty()) {
			return;
		}
		this.summaries.forUsers(roomId, members, lastMessage).ifPresent((room) -> {
			Map<String, RoomSummary> payloads = new LinkedHashMap<>();
			members.forEach((name) -> payloads.put(name, room.summaryFor(name)));
			this.queues.send(Destinations.ROOMS, payloads);
		});
	}

}
