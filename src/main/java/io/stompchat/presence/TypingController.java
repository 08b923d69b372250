package io.stompchat.presence;

import java.security.Principal;

import io.stompchat.member.RoomAccess;
import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

/**
 * {@code /app/room.{id}.typing}: a member's session types only in a room it has entered,
 * within its user's {@link TypingRateLimit}; a refused update goes to
 * {@code /user/queue/errors}, like every refused SEND.
 */
@Controller
class TypingController {

	private final TypingRateLimit rateLimit;

	private final LocalSessions local;

	private final TypingIndicators indicators;

	private final RoomAccess access;

	TypingController(TypingRateLimit rateLimit, LocalSessions local, TypingIndicators indicators, RoomAccess access) {
		this.rateLimit = rateLimit;
		this.local = local;
		this.indicators = indicators;
		this.access = access;
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "typing")
	void typing(@DestinationVariable String roomId, @Payload TypingRequest request, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		if (request == null || request.typing() == null) {
			throw Refusal.invalid("invalid_typing", "The body must be {\"typing\": true} or {\"typing\": false}.");
		}
		this.rateLimit.take(user.getName());
		this.access.of(roomId, user.getName()).requireMember(roomId);
		if (!request.typing()) {
			this.indicators.stop(roomId, user.getName());
			return;
		}
		if (!this.local.hasJoined(sessionId, roomId)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "not_joined", "Join the room before typing in it.");
		}
		this.indicators.start(roomId, user.getName(), sessionId);
	}

	/**
	 * The body of a typing SEND.
	 *
	 * @param typing whether the user is typing
	 */
	record TypingRequest(Boolean typing) {
	}

}
