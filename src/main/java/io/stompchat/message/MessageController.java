package io.stompchat.message;

import java.security.Principal;

import io.stompchat.member.Access;
import io.stompchat.member.Role;
import io.stompchat.member.RoomAccess;
import io.stompchat.presence.RoomPresence;
import io.stompchat.presence.TypingIndicators;
import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * The STOMP commands of a room, each behind the one rule of {@link RoomAccess}: a room
 * the user may not read is answered like an unknown one (404), a PUBLIC room they are not
 * a member of with 403. Joining is the exception: it makes a non-member of a PUBLIC room
 * a member (one JOIN line); for a member it only marks presence, so reloads, tabs and
 * reconnects store nothing. Chat, edit, delete and react need membership; the room's
 * owner may delete any line. A posted chat line ends the sender's typing indicator. The
 * sender is always the session's principal; whatever the client puts in the body or
 * headers about who it is, is ignored.
 */
@Controller
class MessageController {

	private final MessagePosting posting;

	private final MessageHistory history;

	private final RoomPresence presence;

	private final TypingIndicators typing;

	private final RoomAccess access;

	private final RoomMemberships memberships;

	MessageController(MessagePosting posting, MessageHistory history, RoomPresence presence, TypingIndicators typing,
			RoomAccess access, RoomMemberships memberships) {
		this.posting = posting;
		this.history = history;
		this.presence = presence;
		this.typing = typing;
		this.access = access;
		this.memberships = memberships;
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "join")
	void join(@DestinationVariable String roomId, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		Access access = this.access.of(roomId, user.getName()).requireReader(roomId);
		this.presence.enter(roomId, user.getName(), sessionId);
		if (!access.isMember()) {
			this.memberships.add(roomId, user.getName(), Role.MEMBER, null);
		}
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "leave")
	void leave(@DestinationVariable String roomId, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		this.access.of(roomId, user.getName()).requireMember(roomId).requireNotDirect();
		this.presence.leave(roomId, user.getName(), sessionId);
		this.memberships.remove(roomId, user.getName(), null);
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "chat")
	void chat(@DestinationVariable String roomId, @Payload ChatRequest request, Principal user) {
		if (request == null) {
			throw Refusal.invalid("invalid_message", "The body must be {\"text\": \"…\"}.");
		}
		this.access.of(roomId, user.getName()).requireMember(roomId);
		this.posting.chat(roomId, user.getName(), request.text(), request.clientId(), request.replyTo())
			.ifPresent((message) -> this.typing.stop(roomId, user.getName()));
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "edit")
	void edit(@DestinationVariable String roomId, @Payload ChangeRequest request, Principal user) {
		this.access.of(roomId, user.getName()).requireMember(roomId);
		this.posting.edit(roomId, user.getName(), target(request, "edit"), request.text(), request.clientId());
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "delete")
	void delete(@DestinationVariable String roomId, @Payload ChangeRequest request, Principal user) {
		Access access = this.access.of(roomId, user.getName()).requireMember(roomId);
		this.posting.delete(roomId, user.getName(), target(request, "delete"), access.isOwner(), request.clientId());
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "react")
	void react(@DestinationVariable String roomId, @Payload ChangeRequest request, Principal user) {
		this.access.of(roomId, user.getName()).requireMember(roomId);
		this.posting.react(roomId, user.getName(), target(request, "react"), request.emoji(), request.clientId());
	}

	/**
	 * The latest page of history, sent once to the subscriber alone, when they may read
	 * the room.
	 * @param roomId the room
	 * @param user the subscriber
	 * @return the page
	 */
	@SubscribeMapping(Destinations.ROOM_COMMAND + "history")
	HistoryPage history(@DestinationVariable String roomId, Principal user) {
		this.access.of(roomId, user.getName()).requireReader(roomId);
		return this.history.latest(roomId);
	}

	private static long target(ChangeRequest request, String command) {
		if (request == null || request.seq() == null || request.seq() < 1) {
			throw Refusal.invalid("invalid_target",
					"The body of " + command + " must name a message: {\"seq\": 17, …}.");
		}
		return request.seq();
	}

	/**
	 * The body of a chat SEND.
	 *
	 * @param text the text
	 * @param clientId the client's id of this message, optional
	 * @param replyTo the seq of the CHAT it replies to, optional
	 */
	record ChatRequest(String text, String clientId, Long replyTo) {
	}

	/**
	 * The body of an edit, delete or react SEND.
	 *
	 * @param seq the seq of the CHAT to change
	 * @param text edit: the new text
	 * @param emoji react: the emoji to toggle
	 * @param clientId the client's id of this change, optional
	 */
	record ChangeRequest(Long seq, String text, String emoji, String clientId) {
	}

}
