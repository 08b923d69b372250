package io.stompchat.presence;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.stompchat.presence.TypingBoard.Key;
import io.stompchat.system.Destinations;

import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Who is typing on this instance, told to the room as {@code TYPING} on its topic; never
 * stored. The server says {@code typing: false} by itself when a typing state is not
 * renewed within {@link #EXPIRES_AFTER} (checked every {@link #SWEEP_EVERY_MS} ms), and
 * when its user sends a message, leaves or loses the session that started it.
 */
@Component
public class TypingIndicators {

	static final Duration EXPIRES_AFTER = Duration.ofSeconds(6);

	static final Duration REPEAT_AFTER = Duration.ofSeconds(3);

	static final long SWEEP_EVERY_MS = 250;

	private final TypingBoard board = new TypingBoard(EXPIRES_AFTER, REPEAT_AFTER);

	private final SimpMessageSendingOperations broker;

	TypingIndicators(SimpMessageSendingOperations broker) {
		this.broker = broker;
	}

	/**
	 * A user in a room types; the room hears it when they start and again at most every
	 * {@link #REPEAT_AFTER}.
	 */
	void start(String roomId, String username, String sessionId) {
		Key key = new Key(roomId, username);
		if (this.board.start(key, sessionId, System.nanoTime())) {
			announce(key, true);
		}
	}

	/**
	 * A user in a room stopped typing: said so, sent the message, or left.
	 * @param roomId the room
	 * @param username the user
	 */
	public void stop(String roomId, String username) {
		Key key = new Key(roomId, username);
		if (this.board.stop(key)) {
			announce(key, false);
		}
	}

	@EventListener
	void on(SessionDisconnectEvent disconnected) {
		this.board.dropSession(disconnected.getSessionId()).forEach((key) -> announce(key, false));
	}

	@Scheduled(fixedDelay = SWEEP_EVERY_MS, initialDelay = SWEEP_EVERY_MS, timeUnit = TimeUnit.MILLISECONDS)
	void expire() {
		this.board.expire(System.nanoTime()).forEach((key) -> announce(key, false));
	}

	private void announce(Key key, boolean typing) {
		this.broker.convertAndSend(Destinations.roomTopic(key.roomId()),
				new TypingEvent("TYPING", key.roomId(), key.username(), typing));
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
