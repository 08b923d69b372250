package io.stompchat.message;

import java.security.Principal;

import io.stompchat.presence.RoomPresence;
import io.stompchat.presence.TypingIndicators;
import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;
import io.stompchat.system.RoomIds;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * The STOMP commands of a room. Entering and leaving are two steps: the session's
 * presence first, then the JOIN or LEAVE line. A posted chat line ends the sender's
 * typing indicator. The sender is always the session's principal; whatever the client
 * puts in the body or headers about who it is, is ignored.
 */
@Controller
class MessageController {

	private final MessagePosting posting;

	private final MessageHistory history;

	private final RoomPresence presence;

	private final TypingIndicators typing;

	MessageController(MessagePosting posting, MessageHistory history, RoomPresence presence, TypingIndicators typing) {
		this.posting = posting;
		this.history = history;
		this.presence = presence;
		this.typing = typing;
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "join")
	void join(@DestinationVariable String roomId, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		this.presence.enter(checked(roomId), user.getName(), sessionId);
		this.posting.join(roomId, user.getName());
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "leave")
	void leave(@DestinationVariable String roomId, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		this.presence.leave(checked(roomId), user.getName(), sessionId);
		this.posting.leave(roomId, user.getName());
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "chat")
	void chat(@DestinationVariable String roomId, @Payload ChatRequest request, Principal user) {
		if (request == null) {
			throw Refusal.invalid("invalid_message", "The body must be {\"text\": \"…\"}.");
		}
		this.posting.chat(checked(roomId), user.getName(), request.text(), request.clientId())
			.ifPresent((message) -> this.typing.stop(roomId, user.getName()));
	}

	/**
	 * The latest page of history, sent once to the subscriber alone.
	 * @param roomId the room
	 * @return the page
	 */
	@SubscribeMapping(Destinations.ROOM_COMMAND + "history")
	HistoryPage history(@DestinationVariable String roomId) {
		return this.history.latest(checked(roomId));
	}

	private static String checked(String roomId) {
		if (!RoomIds.isValid(roomId)) {
			throw Refusal.unknownRoom(roomId);
		}
		return roomId;
	}

	/**
	 * The body of a chat SEND.
	 *
	 * @param text the text
	 * @param clientId the client's id of this message, optional
	 */
	record ChatRequest(String text, String clientId) {
	}

}
