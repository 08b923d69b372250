package io.stompchat.presence;

import io.stompchat.system.ScheduledWork;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;

import io.stompchat.message.MessagePosted;
import io.stompchat.message.MessageType;
import io.stompchat.message.MessageView;
import io.stompchat.presence.TypingBoard.Key;
import io.stompchat.system.Refusal;
import io.stompchat.system.RoomIds;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Controller;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * {@code /app/room.{id}.typing}: broadcast as {@code TYPING} on the room's topic, never
 * stored. A session types only in a room it has joined. Each user has {@link #BURST}
 * updates at once and one more every {@link #REFILL}; beyond that a SEND is refused with
 * 429 on {@code /user/queue/errors}, like every refused SEND. The server says
 * {@code typing: false} by itself when a typing state is not renewed within
 * {@link #EXPIRES_AFTER}, and when its user sends a message, leaves or loses the session.
 */
@Controller
class Typing extends ScheduledWork {

	static final Duration EXPIRES_AFTER = Duration.ofSeconds(6);

	static final Duration REPEAT_AFTER = Duration.ofSeconds(3);

	static final int BURST = 10;

	static final Duration REFILL = Duration.ofMillis(500);

	static final Duration SWEEP_EVERY = Duration.ofMillis(250);

	private final TypingBoard board = new TypingBoard(EXPIRES_AFTER, REPEAT_AFTER);

	private final TypingQuota quota = new TypingQuota(BURST, REFILL);

	private final Presence presence;

	private final SimpMessageSendingOperations broker;

	Typing(Presence presence, SimpMessageSendingOperations broker) {
		super("typing-");
		this.presence = presence;
		this.broker = broker;
	}

	@MessageMapping("room.{roomId}.typing")
	void typing(@DestinationVariable String roomId, @Payload TypingRequest request, Principal user,
			@Header(SimpMessageHeaderAccessor.SESSION_ID_HEADER) String sessionId) {
		if (!RoomIds.isValid(roomId)) {
			throw Refusal.unknownRoom(roomId);
		}
		if (request == null || request.typing() == null) {
			throw Refusal.invalid("invalid_typing", "The body must be {\"typing\": true} or {\"typing\": false}.");
		}
		long now = System.nanoTime();
		if (!this.quota.tryTake(user.getName(), now)) {
			throw new Refusal(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
					"Too many typing updates; at most one every " + REFILL.toMillis() + " ms.");
		}
		Key key = new Key(roomId, user.getName());
		if (!request.typing()) {
			stopped(key);
			return;
		}
		if (!this.presence.hasJoined(sessionId, roomId)) {
			throw new Refusal(HttpStatus.FORBIDDEN, "not_joined", "Join the room before typing in it.");
		}
		if (this.board.start(key, sessionId, now)) {
			announce(key, true);
		}
	}

	@EventListener
	void on(MessagePosted posted) {
		MessageView message = posted.message();
		if (message.type() == MessageType.CHAT || message.type() == MessageType.LEAVE) {
			stopped(new Key(message.roomId(), message.sender()));
		}
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		this.board.dropSession(disconnected.getSessionId()).forEach((key) -> announce(key, false));
	}

	void sweep() {
		long now = System.nanoTime();
		this.board.expire(now).forEach((key) -> announce(key, false));
		this.quota.forgetIdle(now);
	}

	private void stopped(Key key) {
		if (this.board.stop(key)) {
			announce(key, false);
		}
	}

	private void announce(Key key, boolean typing) {
		this.broker.convertAndSend("/topic/room." + key.roomId(),
				new TypingEvent("TYPING", key.roomId(), key.username(), typing));
	}

	@Override
	protected void schedule(TaskScheduler scheduler) {
		scheduler.scheduleWithFixedDelay(this::sweep, Instant.now().plus(SWEEP_EVERY), SWEEP_EVERY);
	}

	/**
	 * The body of a typing SEND.
	 *
	 * @param typing whether the user is typing
	 */
	record TypingRequest(Boolean typing) {
	}

	/**
	 * What {@code /topic/room.{id}} receives; never stored.
	 *
	 * @param type always {@code TYPING}
	 * @param roomId the room
	 * @param sender who is typing
	 * @param typing whether they are
	 */
	record TypingEvent(String type, String roomId, String sender, boolean typing) {
	}

}
