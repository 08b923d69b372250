package io.stompchat.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.stompchat.member.RoomAccess;
import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;
import io.stompchat.system.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posting a message, the heart of the chat: validate, take the room's next seq, store,
 * and only after the commit publish to {@code /topic/room.{id}}. Changes of a CHAT (EDIT,
 * DELETE, REACTION) take the same path: their own seq under the same row lock, their
 * target checked under that lock, the CHAT's current state updated in the transaction
 * that stores them.
 * <p>
 * The seq comes from a row lock on the room (see {@link ChatLines#advance}), so it has no
 * gap and no repeat whichever instance stores it. Within one instance the room's stripe
 * of {@link RoomLocks} is held from taking the seq until the broadcast, so a room's
 * messages reach the broker in seq order.
 * <p>
 * CHAT lines, the bulk of what is stored, take {@link GroupCommit}: concurrent lines
 * share one transaction. Every other event is stored alone, here.
 * <p>
 * Every stored message is published as {@link MessagePosted}.
 */
@Service
class MessagePosting {

	static final int MAX_TEXT = 2000;

	static final int MAX_CLIENT_ID = 64;

	/** The most different emoji on one message. */
	static final int MAX_EMOJI = 20;

	private final RoomLocks locks;

	private final GroupCommit groupCommit;

	private final Messages messages;

	private final ChatLines lines;

	private final TransactionTemplate transaction;

	private final SimpMessageSendingOperations broker;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	private final MessageReactions reactions;

	private final RoomAccess access;

	MessagePosting(RoomLocks locks, GroupCommit groupCommit, Messages messages, ChatLines lines,
			MessageReactions reactions, RoomAccess access, TransactionTemplate transaction,
			SimpMessageSendingOperations broker, ApplicationEventPublisher events, MeterRegistry meters) {
		this.locks = locks;
		this.groupCommit = groupCommit;
		this.messages = messages;
		this.lines = lines;
		this.reactions = reactions;
		this.access = access;
		this.transaction = transaction;
		this.broker = broker;
		this.events = events;
		this.meters = meters;
	}

	/**
	 * Stores and broadcasts a CHAT message.
	 * @param roomId the room
	 * @param sender the signed-in user
	 * @param text the text, exactly as sent
	 * @param clientId the client's id of this message, or null
	 * @param replyTo the seq of the CHAT it replies to, or null
	 * @return the stored message, or empty when this clientId was already stored
	 */
	Optional<MessageView> chat(String roomId, String sender, String text, String clientId, Long replyTo) {
		checkText(text);
		checkClientId(clientId);
		List<String> mentions = mentions(roomId, text);
		GroupCommit.ChatLine line = new GroupCommit.ChatLine(roomId, sender, text, clientId, replyTo, mentions);
		return published(MessageType.CHAT, () -> this.groupCommit.store(line));
	}

	Optional<MessageView> chat(String roomId, String sender, String text, String clientId) {
		return chat(roomId, sender, text, clientId, null);
	}

	/**
	 * Stores and broadcasts an EDIT of the sender's own CHAT, which takes the new text
	 * and the mentions in it.
	 * @param roomId the room
	 * @param sender the signed-in user
	 * @param target the seq of the CHAT
	 * @param text the new text
	 * @param clientId the client's id of this change, or null
	 * @return the stored EDIT, or empty when this clientId was already stored
	 */
	Optional<MessageView> edit(String roomId, String sender, long target, String text, String clientId) {
		checkText(text);
		checkClientId(clientId);
		List<String> mentions = mentions(roomId, text);
		return post(roomId, MessageType.EDIT, sender, clientId, (seq, now) -> {
			ChatMessage chat = target(roomId, target);
			if (!chat.getSender().equals(sender)) {
				throw new Refusal(HttpStatus.FORBIDDEN, "not_your_message", "Only its sender may edit a message.");
			}
			chat.edited(text, mentions, now);
			return this.messages.saveAndFlush(ChatMessage.edit(chat, seq, sender, text, now, clientId, mentions))
				.toView(null, List.of());
		});
	}

	/**
	 * Stores and broadcasts the DELETE of a CHAT: its words, its edits' words and its
	 * reactions are erased.
	 * @param roomId the room
	 * @param sender the signed-in user
	 * @param target the seq of the CHAT
	 * @param anyLine whether the sender may delete other users' lines (the room's owner)
	 * @param clientId the client's id of this change, or null
	 * @return the stored DELETE, or empty when this clientId was already stored
	 */
	Optional<MessageView> delete(String roomId, String sender, long target, boolean anyLine, String clientId) {
		checkClientId(clientId);
		return post(roomId, MessageType.DELETE, sender, clientId, (seq, now) -> {
			ChatMessage chat = target(roomId, target);
			if (!anyLine && !chat.getSender().equals(sender)) {
				throw new Refusal(HttpStatus.FORBIDDEN, "not_your_message",
						"Only its sender or the room's owner may delete a message.");
			}
			chat.erase();
			this.messages.saveAndFlush(chat);
			this.messages.eraseEdits(roomId, target);
			this.reactions.deleteAllOf(chat.getId());
			return this.messages.saveAndFlush(ChatMessage.delete(chat, seq, sender, now, clientId))
				.toView(null, List.of());
		});
	}

	/**
	 * Toggles the sender's reaction with one emoji on a CHAT and stores the REACTION.
	 * @param roomId the room
	 * @param sender the signed-in user
	 * @param target the seq of the CHAT
	 * @param emoji exactly one emoji
	 * @param clientId the client's id of this change, or null
	 * @return the stored REACTION, or empty when this clientId was already stored
	 */
	Optional<MessageView> react(String roomId, String sender, long target, String emoji, String clientId) {
		if (!Emoji.isOne(emoji)) {
			throw Refusal.invalid("invalid_emoji", "'emoji' must be exactly one emoji.");
		}
		checkClientId(clientId);
		return post(roomId, MessageType.REACTION, sender, clientId, (seq, now) -> {
			ChatMessage chat = target(roomId, target);
			boolean added = this.reactions.deleteOne(chat.getId(), emoji, sender) == 0;
			if (added) {
				if (!this.reactions.existsByMessageIdAndEmoji(chat.getId(), emoji)
						&& this.reactions.countEmoji(chat.getId()) >= MAX_EMOJI) {
					throw Refusal.invalid("too_many_reactions",
							"A message has at most " + MAX_EMOJI + " different emoji.");
				}
				this.reactions.save(new MessageReaction(chat.getId(), emoji, sender, now));
			}
			return this.messages.saveAndFlush(ChatMessage.reaction(chat, seq, sender, now, clientId, emoji, added))
				.toView(null, List.of());
		});
	}

	/**
	 * Stores and broadcasts the JOIN line of a new member.
	 * @param roomId the room
	 * @param member the new member
	 * @param by who added them, or null when they joined themselves
	 * @return the stored message
	 */
	MessageView join(String roomId, String member, String by) {
		return line(roomId, MessageType.JOIN, member, by);
	}

	/**
	 * Stores and broadcasts the LEAVE line of a member who left or was removed. Its
	 * broadcast names them in the {@link Destinations#LEFT_HEADER} header, so that the
	 * STOMP edge stops their subscriptions to the room on every instance.
	 * @param roomId the room
	 * @param member the former member
	 * @param by who removed them, or null when they left
	 * @return the stored message
	 */
	MessageView leave(String roomId, String member, String by) {
		return line(roomId, MessageType.LEAVE, member, by);
	}

	private MessageView line(String roomId, MessageType type, String sender, String by) {
		return post(roomId, type, sender, null,
				(seq, now) -> this.messages.saveAndFlush(ChatMessage.line(roomId, seq, type, sender, now, by))
					.toView(null, List.of()))
			.orElseThrow();
	}

	/**
	 * The CHAT a change targets, read under the room's row lock.
	 * @param roomId the room
	 * @param seq its seq
	 * @return the CHAT
	 */
	private ChatMessage target(String roomId, long seq) {
		return this.messages.findByRoomIdAndSeq(roomId, seq)
			.filter((line) -> line.getType() == MessageType.CHAT && !line.isDeleted())
			.orElseThrow(() -> Refusal.invalid("invalid_target",
					"'seq' must be the seq of a CHAT of this room that is not deleted."));
	}

	private List<String> mentions(String roomId, String text) {
		return (text.indexOf('@') < 0) ? List.of() : Mentions.in(text, this.access.memberNames(roomId));
	}

	private Optional<MessageView> post(String roomId, MessageType type, String sender, String clientId, Step step) {
		return published(type, () -> storeAndBroadcast(roomId, type, sender, clientId, step));
	}

	/**
	 * Stores and broadcasts, timed, then publishes {@link MessagePosted} outside the
	 * room's lock (its listeners: read markers, lobby).
	 */
	private Optional<MessageView> published(MessageType type, Supplier<Optional<MessageView>> storeAndBroadcast) {
		Timer.Sample sample = Timer.start(this.meters);
		try {
			Optional<MessageView> stored = storeAndBroadcast.get();
			stored.ifPresent((message) -> this.events.publishEvent(new MessagePosted(message)));
			return stored;
		}
		finally {
			sample.stop(this.meters.timer("chat.messages.post", "type", type.name()));
		}
	}

	private Optional<MessageView> storeAndBroadcast(String roomId, MessageType type, String sender, String clientId,
			Step step) {
		int stripe = this.locks.lock(roomId);
		try {
			if (clientId != null
					&& this.messages.findByRoomIdAndSenderAndClientId(roomId, sender, clientId).isPresent()) {
				// a retry: the unique constraint guarantees this, the check keeps the
				// common case quiet
				return Optional.empty();
			}
			MessageView stored;
			try {
				stored = this.transaction.execute((status) -> store(roomId, type, step));
			}
			catch (DataIntegrityViolationException ex) {
				if (clientId != null
						&& this.messages.findByRoomIdAndSenderAndClientId(roomId, sender, clientId).isPresent()) {
					return Optional.empty();
				}
				throw ex;
			}
			if (type == MessageType.LEAVE) {
				this.broker.convertAndSend(Destinations.roomTopic(roomId), stored,
						Map.of(Destinations.LEFT_HEADER, sender));
			}
			else {
				this.broker.convertAndSend(Destinations.roomTopic(roomId), stored);
			}
			return Optional.of(stored);
		}
		finally {
			this.locks.release(stripe);
		}
	}

	private long changeSeq(String roomId) {
		return (this.messages.advanceChangeSeq(roomId) == 0) ? -1 : this.messages.lastSeq(roomId);
	}

	private MessageView store(String roomId, MessageType type, Step step) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		long seq = type.isChange() ? changeSeq(roomId) : this.lines.advance(roomId, 1, now);
		if (seq < 0) {
			throw Refusal.unknownRoom(roomId);
		}
		return step.store(seq, now);
	}

	/**
	 * What an event stores once it holds the room's row lock and its seq; it may still
	 * refuse, and then nothing is stored and the seq is not taken.
	 */
	@FunctionalInterface
	private interface Step {

		MessageView store(long seq, Instant now);

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
