package io.stompchat.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;
import io.stompchat.system.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posting a message, the heart of the chat: validate, take the room's next seq, store,
 * and only after the commit publish to {@code /topic/room.{id}}.
 * <p>
 * The seq comes from a row lock on the room (see {@link Messages#advanceSeq}), so it has
 * no gap and no repeat whichever instance stores it. Within one instance a striped lock
 * is held from taking the seq until the broadcast, so a room's messages reach the broker
 * in seq order.
 * <p>
 * Every stored message is published as {@link MessagePosted}; a JOIN line also as
 * {@link MemberJoined}.
 */
@Service
class MessagePosting {

	static final int MAX_TEXT = 2000;

	static final int MAX_CLIENT_ID = 64;

	private static final int STRIPES = 64;

	private final ReentrantLock[] roomLocks = new ReentrantLock[STRIPES];

	private final Messages messages;

	private final TransactionTemplate transaction;

	private final SimpMessageSendingOperations broker;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	MessagePosting(Messages messages, TransactionTemplate transaction, SimpMessageSendingOperations broker,
			ApplicationEventPublisher events, MeterRegistry meters) {
		this.messages = messages;
		this.transaction = transaction;
		this.broker = broker;
		this.events = events;
		this.meters = meters;
		for (int i = 0; i < STRIPES; i++) {
			this.roomLocks[i] = new ReentrantLock(true);
		}
	}

	/**
	 * Stores and broadcasts a CHAT message.
	 * @param roomId the room
	 * @param sender the signed-in user
	 * @param text the text, exactly as sent
	 * @param clientId the client's id of this message, or null
	 * @return the stored message, or empty when this clientId was already stored
	 */
	Optional<MessageView> chat(String roomId, String sender, String text, String clientId) {
		checkText(text);
		checkClientId(clientId);
		return post(roomId, MessageType.CHAT, sender, text, clientId);
	}

	/**
	 * Stores and broadcasts the JOIN line of a user entering a room.
	 * @param roomId the room
	 * @param sender the signed-in user
	 * @return the stored message
	 */
	MessageView join(String roomId, String sender) {
		MessageView stored = post(roomId, MessageType.JOIN, sender, null, null).orElseThrow();
		this.events.publishEvent(new MemberJoined(roomId, sender, stored.seq()));
		return stored;
	}

	/**
	 * Stores and broadcasts the LEAVE line of a user leaving a room.
	 * @param roomId the room
	 * @param sender the signed-in user
	 * @return the stored message
	 */
	MessageView leave(String roomId, String sender) {
		return post(roomId, MessageType.LEAVE, sender, null, null).orElseThrow();
	}

	private Optional<MessageView> post(String roomId, MessageType type, String sender, String text, String clientId) {
		Timer.Sample sample = Timer.start(this.meters);
		try {
			Optional<MessageView> stored = storeAndBroadcast(roomId, type, sender, text, clientId);
			// listeners (read markers, lobby) run outside the room's lock
			stored.ifPresent((message) -> this.events.publishEvent(new MessagePosted(message)));
			return stored;
		}
		finally {
			sample.stop(this.meters.timer("chat.messages.post", "type", type.name()));
		}
	}

	private Optional<MessageView> storeAndBroadcast(String roomId, MessageType type, String sender, String text,
			String clientId) {
		ReentrantLock lock = this.roomLocks[Math.floorMod(roomId.hashCode(), STRIPES)];
		lock.lock();
		try {
			if (clientId != null
					&& this.messages.findByRoomIdAndSenderAndClientId(roomId, sender, clientId).isPresent()) {
				// a retry: the unique constraint guarantees this, the check keeps the
				// common case quiet
				return Optional.empty();
			}
			MessageView stored;
			try {
				stored = this.transaction.execute((status) -> store(roomId, type, sender, text, clientId));
			}
			catch (DataIntegrityViolationException ex) {
				if (clientId != null
						&& this.messages.findByRoomIdAndSenderAndClientId(roomId, sender, clientId).isPresent()) {
					return Optional.empty();
				}
				throw ex;
			}
			this.broker.convertAndSend(Destinations.roomTopic(roomId), stored);
			return Optional.of(stored);
		}
		finally {
			lock.unlock();
		}
	}

	private MessageView store(String roomId, MessageType type, String sender, String text, String clientId) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		if (this.messages.advanceSeq(roomId, now) == 0) {
			throw Refusal.unknownRoom(roomId);
		}
		long seq = this.messages.lastSeq(roomId);
		return this.messages.saveAndFlush(new ChatMessage(roomId, seq, type, sender, text, now, clientId)).toView();
	}

	static void checkText(String text) {
		if (text == null) {
			throw Refusal.invalid("invalid_message", "'text' is required.");
		}
		if (!Texts.isWellFormed(text)) {
			throw Refusal.invalid("invalid_message", "'text' must not contain NUL or lone surrogates.");
		}
		if (!Texts.hasVisible(text)) {
			throw Refusal.invalid("invalid_message", "'text' must have at least one visible character.");
		}
		if (Texts.codePoints(text) > MAX_TEXT) {
			throw Refusal.invalid("invalid_message", "'text' must be at most " + MAX_TEXT + " characters.");
		}
	}

	static void checkClientId(String clientId) {
		if (clientId == null) {
			return;
		}
		if (clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID || !Texts.isWellFormed(clientId)
				|| Texts.hasControl(clientId)) {
			throw Refusal.invalid("invalid_message",
					"'clientId' must be 1 to " + MAX_CLIENT_ID + " characters without control characters.");
		}
	}

}
