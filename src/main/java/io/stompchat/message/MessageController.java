package io.stompchat.message;

import java.security.Principal;

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
 * The STOMP commands of a room. The sender is always the session's principal; whatever
 * the client puts in the body or headers about who it is, is ignored.
 */
@Controller
class MessageController {

	private final MessagePosting posting;

	private final MessageHistory history;

	MessageController(MessagePosting posting, MessageHistory history) {
		this.posting = posting;
		this.history = history;
	}

	@MessageMapping("room.{roomId}.join")
	void join(@DestinationVariable String roomId, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		this.posting.announce(checked(roomId), MessageType.JOIN, user.getName(), sessionId);
	}

	@MessageMapping("room.{roomId}.leave")
	void leave(@DestinationVariable String roomId, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		this.posting.announce(checked(roomId), MessageType.LEAVE, user.getName(), sessionId);
	}

	@MessageMapping("room.{roomId}.chat")
	void chat(@DestinationVariable String roomId, @Payload ChatRequest request, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		if (request == null) {
			throw Refusal.invalid("invalid_message", "The body must be {\"text\": \"…\"}.");
		}
		this.posting.chat(checked(roomId), user.getName(), request.text(), request.clientId(), sessionId);
	}

	/**
	 * The latest page of history, sent once to the subscriber alone.
	 * @param roomId the room
	 * @return the page
	 */
	@SubscribeMapping("room.{roomId}.history")
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
