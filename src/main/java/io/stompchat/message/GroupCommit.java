package io.stompchat.message;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit of CHAT lines: the lines that concurrent callers want stored are written
 * in one transaction, each room's seqs taken at once under its row lock, and published
 * after that one commit. A caller returns only once its line is committed and handed to
 * the broker (or refused), as a RECEIPT requires.
 * <p>
 * No thread of its own. Rooms are spread over {@link #LANES} lanes with disjoint stripes,
 * whose batches are written at once; in a lane, the first caller to find no batch under
 * way leads. It takes every line waiting in the lane (its own included), takes their
 * rooms' stripes of {@link RoomLocks} in ascending order, then in one transaction
 * advances each room's seq by its number of lines in ascending room id (the same order on
 * every instance, so batches of two instances never deadlock on row locks) and inserts
 * the lines. After the commit it hands each stripe's lines to one of their callers, which
 * publishes them in seq order and releases the stripe, and hands the lead to the next
 * caller waiting, so the next batch is written while this one is published. Lines that
 * arrive while a batch is written wait for the next one: the busier the server, the more
 * lines share a commit.
 * <p>
 * If the batch fails as a whole (a refused reply target, a retried clientId that the
 * unique key stops, any other error), it is rolled back and its lines are stored one by
 * one, each in its own transaction, as a single writer would: one line's refusal never
 * fails or rolls back another, and none is stored twice.
 */
@Component
class GroupCommit {

	/** The most lines stored by one transaction. */
	static final int MAX_BATCH = 200;

	/**
	 * Batches written at once: as many as Spring's inbound channel ran writers before
	 * group commit (two per core), each now carrying the lines of its rooms that wait.
	 */
	static final int LANES = Math.max(2, 2 * Runtime.getRuntime().availableProcessors());

	private final Lane[] lanes = new Lane[LANES];

	private final Messages messages;

	private final ChatLines lines;

	private final RoomLocks locks;

	private final TransactionTemplate transaction;

	private final SimpMessageSendingOperations broker;

	private final DistributionSummary batchSizes;

	GroupCommit(Messages messages, ChatLines lines, RoomLocks locks, TransactionTemplate transaction,
			SimpMessageSendingOperations broker, MeterRegistry meters) {
		this.messages = messages;
		this.lines = lines;
		this.locks = locks;
		this.transaction = transaction;
		this.broker = broker;
		this.batchSizes = DistributionSummary.builder("chat.messages.batch")
			.description("CHAT lines stored by one transaction")
			.register(meters);
		for (int i = 0; i < LANES; i++) {
			this.lanes[i] = new Lane();
		}
	}

	/**
	 * The lane of a room: the rooms of one lane share its batches; lanes hold disjoint
	 * stripes of {@link RoomLocks} (and rooms), so their batches never wait for each
	 * other in this instance.
	 * @param roomId the room
	 * @return its lane
	 */
	static int lane(String roomId) {
		return RoomLocks.stripe(roomId) % LANES;
	}

	/**
	 * Stores a CHAT line with others waiting, and publishes it.
	 * @param line the line, checked but for its reply target
	 * @return the stored line, or empty when its clientId was already stored
	 * @throws Refusal when its reply target is not a CHAT of the room, or the room is
	 * gone
	 */
	Optional<MessageView> store(ChatLine line) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			// the batch could wait for a row lock this caller's transaction holds
			throw new IllegalStateException("A CHAT line is stored in a transaction of its own");
		}
		Lane lane = this.lanes[lane(line.roomId())];
		Pending pending = new Pending(line);
		lane.waiting.add(pending);
		if (lane.leading.compareAndSet(false, true)) {
			pending.give(() -> lead(lane));
		}
		return pending.outcome();
	}

	/**
	 * How many lines wait for a batch (for tests).
	 * @return the lines not yet taken by a leader
	 */
	int waitingLines() {
		int lines = 0;
		for (Lane lane : this.lanes) {
			lines += lane.waiting.size();
		}
		return lines;
	}

	/**
	 * Writes one batch as its leader, then hands on its publishing and the lead.
	 */
	private void lead(Lane lane) {
		List<Pending> batch = new ArrayList<>();
		Pending next;
		while (batch.size() < MAX_BATCH && (next = lane.waiting.poll()) != null) {
			batch.add(next);
		}
		Map<Integer, List<Pending>> stripes = new TreeMap<>();
		for (Pending pending : batch) {
			stripes.computeIfAbsent(RoomLocks.stripe(pending.line.roomId()), (s) -> new ArrayList<>()).add(pending);
		}
		this.locks.lockAll(stripes.keySet());
		try {
			write(batch);
			this.batchSizes.record(batch.size());
		}
		catch (RuntimeException | Error ex) {
			for (Pending pending : batch) {
				pending.failed(ex);
			}
		}
		finally {
			for (Map.Entry<Integer, List<Pending>> stripe : stripes.entrySet()) {
				List<Pending> lines = stripe.getValue();
				lines.get(0).give(() -> publish(stripe.getKey(), lines));
			}
			handOff(lane);
		}
	}

	private void handOff(Lane lane) {
		while (true) {
			lane.leading.set(false);
			if (lane.waiting.isEmpty() || !lane.leading.compareAndSet(false, true)) {
				return;
			}
			Pending next = lane.waiting.peek();
			if (next != null) {
				next.give(() -> lead(lane));
				return;
			}
		}
	}

	private void write(List<Pending> batch) {
		try {
			this.transaction.executeWithoutResult((status) -> storeAll(batch));
		}
		catch (RuntimeException ex) {
			// rolled back: each line on its own, so that one line's failure is its own
			for (Pending pending : batch) {
				storeOne(pending);
			}
		}
	}

	private void storeAll(List<Pending> batch) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Map<String, List<Pending>> rooms = new TreeMap<>();
		for (Pending pending : batch) {
			rooms.computeIfAbsent(pending.line.roomId(), (id) -> new ArrayList<>()).add(pending);
		}
		// every room's seqs first, in ascending room id: the row locks in one order
		Map<String, Long> lastSeqs = new TreeMap<>();
		for (Map.Entry<String, List<Pending>> room : rooms.entrySet()) {
			long lastSeq = this.lines.advance(room.getKey(), room.getValue().size(), now);
			if (lastSeq < 0) {
				throw Refusal.unknownRoom(room.getKey());
			}
			lastSeqs.put(room.getKey(), lastSeq);
		}
		for (Map.Entry<String, List<Pending>> room : rooms.entrySet()) {
			List<Pending> lines = room.getValue();
			long seq = lastSeqs.get(room.getKey()) - lines.size();
			for (Pending pending : lines) {
				pending.stored = insert(pending.line, ++seq, now);
			}
		}
	}

	private void storeOne(Pending pending) {
		ChatLine line = pending.line;
		pending.stored = null;
		try {
			if (isStored(line)) {
				return;
			}
			pending.stored = this.transaction.execute((status) -> {
				Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
				long seq = this.lines.advance(line.roomId(), 1, now);
				if (seq < 0) {
					throw Refusal.unknownRoom(line.roomId());
				}
				return insert(line, seq, now);
			});
		}
		catch (DataIntegrityViolationException ex) {
			if (!isStored(line)) {
				pending.failure = ex;
			}
		}
		catch (RuntimeException ex) {
			pending.failure = ex;
		}
	}

	/**
	 * Whether a line with this clientId was stored already: a retry, which counts as
	 * stored and is not published again.
	 */
	private boolean isStored(ChatLine line) {
		return line.clientId() != null
				&& this.messages.findByRoomIdAndSenderAndClientId(line.roomId(), line.sender(), line.clientId())
					.isPresent();
	}

	private MessageView insert(ChatLine line, long seq, Instant now) {
		MessageView.Reply reply = null;
		if (line.replyTo() != null) {
			ChatMessage quoted = this.messages.findByRoomIdAndSeq(line.roomId(), line.replyTo())
				.filter((target) -> target.getType() == MessageType.CHAT && !target.isDeleted())
				.orElseThrow(() -> Refusal.invalid("invalid_reply",
						"'replyTo' must be the seq of a CHAT of this room that is not deleted."));
			reply = MessageViews.reply(quoted);
		}
		long id = this.lines.insert(line, seq, now);
		return new MessageView(id, line.roomId(), seq, MessageType.CHAT, line.sender(), line.text(), now,
				line.clientId(), reply, line.mentions(), null, false, List.of(), null, null, null, null);
	}

	/**
	 * Publishes one stripe's lines of a batch, each room's in seq order, then releases
	 * the stripe and lets their callers return.
	 */
	private void publish(int stripe, List<Pending> lines) {
		try {
			for (Pending pending : lines) {
				if (pending.stored != null && pending.failure == null) {
					try {
						this.broker.convertAndSend(Destinations.roomTopic(pending.line.roomId()), pending.stored);
					}
					catch (RuntimeException ex) {
						pending.failure = ex;
					}
				}
			}
		}
		finally {
			this.locks.release(stripe);
			for (Pending pending : lines) {
				pending.done();
			}
		}
	}

	/**
	 * A CHAT line to store: checked, its mentions found.
	 *
	 * @param roomId the room
	 * @param sender the signed-in user
	 * @param text the text, exactly as sent
	 * @param clientId the client's id of the line, or null
	 * @param replyTo the seq of the CHAT it replies to, or null
	 * @param mentions the members it mentions
	 */
	record ChatLine(String roomId, String sender, String text, String clientId, Long replyTo, List<String> mentions) {
	}

	/**
	 * The lines of some rooms waiting for a batch, and whether one is being written.
	 */
	private static final class Lane {

		final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();

		final AtomicBoolean leading = new AtomicBoolean();

	}

	/**
	 * A caller's line and the caller's thread waiting for it: it runs what it is given
	 * (leading a batch, publishing a stripe's lines) until its line is done.
	 */
	private static final class Pending {

		final ChatLine line;

		/** Written by the leader, read by the publisher and the caller. */
		MessageView stored;

		Throwable failure;

		private Runnable task;

		private boolean done;

		Pending(ChatLine line) {
			this.line = line;
		}

		synchronized void give(Runnable task) {
			this.task = task;
			notifyAll();
		}

		synchronized void done() {
			this.done = true;
			notifyAll();
		}

		void failed(Throwable ex) {
			this.stored = null;
			this.failure = ex;
		}

		Optional<MessageView> outcome() {
			boolean interrupted = false;
			while (true) {
				Runnable next;
				synchronized (this) {
					while (this.task == null && !this.done) {
						try {
							wait();
						}
						catch (InterruptedException ex) {
							interrupted = true;
						}
					}
					next = this.task;
					this.task = null;
				}
				if (next == null) {
					break;
				}
				try {
					next.run();
				}
				catch (RuntimeException | Error ex) {
					// leading and publishing record their failures on the lines; this
					// thread still waits for its own line
					if (this.failure == null) {
						this.failure = ex;
					}
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
			if (this.failure instanceof RuntimeException ex) {
				throw ex;
			}
			if (this.failure instanceof Error error) {
				throw error;
			}
			return Optional.ofNullable(this.stored);
		}

	}

}
