package io.stompchat.message;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.stompchat.member.RoomAccess;
import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link GroupCommit} on the application's database: concurrent lines of several rooms
 * share transactions, yet every room's seqs have no gap and no repeat, every line is
 * published once, after its commit, in seq order, also among changes stored on the single
 * path; a refused line or a retried clientId in a batch leaves the others stored exactly
 * once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GroupCommitIntegrationTests {

	private static final AtomicInteger rooms = new AtomicInteger();

	@Autowired
	Messages messages;

	@Autowired
	ChatLines lines;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MessageReactions reactions;

	@Autowired
	RoomAccess access;

	@Autowired
	ApplicationEventPublisher events;

	final RoomLocks locks = new RoomLocks();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/** What reached the broker, in order, and whether it was committed by then. */
	final List<MessageView> published = new CopyOnWriteArrayList<>();

	final List<String> publishedUncommitted = new CopyOnWriteArrayList<>();

	SimpMessagingTemplate broker;

	GroupCommit groupCommit;

	ExecutorService callers;

	@BeforeEach
	void setUp() {
		this.broker = new SimpMessagingTemplate((message, timeout) -> record(message));
		this.groupCommit = new GroupCommit(this.messages, this.lines, this.locks, this.transaction, this.broker,
				this.meters);
		this.callers = Executors.newFixedThreadPool(32);
	}

	@AfterEach
	void tearDown() {
		this.callers.shutdownNow();
	}

	@Test
	void concurrentLinesOfSeveralRoomsGetGaplessSeqsAndArePublishedOnceAfterCommitInSeqOrder() throws Exception {
		List<String> roomIds = List.of(room(), room(), room(), room(), room());
		int callers = 32;
		int each = 15;
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> posted = new ArrayList<>();
		for (int c = 0; c < callers; c++) {
			String sender = "caller" + c;
			int first = c;
			posted.add(this.callers.submit(() -> {
				go.await();
				for (int i = 0; i < each; i++) {
					String roomId = roomIds.get((first + i) % roomIds.size());
					assertThat(store(roomId, sender, "line " + i, sender + "-" + i, null)).isPresent();
				}
				return null;
			}));
		}
		go.countDown();
		for (Future<?> caller : posted) {
			caller.get(2, TimeUnit.MINUTES);
		}
		Map<String, List<Long>> stored = new ConcurrentHashMap<>();
		for (String roomId : roomIds) {
			stored.put(roomId, this.jdbc.queryForList("select seq from messages where room_id = ? order by seq",
					Long.class, roomId));
			long count = stored.get(roomId).size();
			assertThat(stored.get(roomId)).as("seqs of %s", roomId)
				.containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
			assertThat(this.jdbc.queryForObject("select last_seq from rooms where id = ?", Long.class, roomId))
				.isEqualTo(count);
			assertThat(publishedSeqs(roomId)).as("published seqs of %s, in order", roomId)
				.containsExactlyElementsOf(stored.get(roomId));
		}
		assertThat(stored.values().stream().mapToInt(List::size).sum()).isEqualTo(callers * each);
		assertThat(this.publishedUncommitted).isEmpty();
		DistributionSummary batches = this.meters.get("chat.messages.batch").summary();
		assertThat((long) batches.totalAmount()).isEqualTo(callers * each);
		assertThat(batches.count()).as("transactions for %d lines", callers * each).isLessThan(callers * each);
	}

	@Test
	void batchedLinesAndChangesOnTheSinglePathArePublishedInSeqOrder() throws Exception {
		String roomId = room();
		MessagePosting posting = new MessagePosting(this.locks, this.groupCommit, this.messages, this.lines,
				this.reactions, this.access, this.transaction, this.broker, this.events, this.meters);
		long target = posting.chat(roomId, "ann", "react to me", null).orElseThrow().seq();
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> posted = new ArrayList<>();
		for (int c = 0; c < 24; c++) {
			String sender = "mixed" + c;
			boolean reacts = c % 4 == 0;
			posted.add(this.callers.submit(() -> {
				go.await();
				for (int i = 0; i < 10; i++) {
					if (reacts) {
						posting.react(roomId, sender, target, "👍", null);
					}
					else {
						posting.chat(roomId, sender, "line " + i, null);
					}
				}
				return null;
			}));
		}
		go.countDown();
		for (Future<?> caller : posted) {
			caller.get(2, TimeUnit.MINUTES);
		}
		assertThat(publishedSeqs(roomId)).containsExactlyElementsOf(LongStream.rangeClosed(1, 241).boxed().toList());
		assertThat(this.publishedUncommitted).isEmpty();
	}

	@Test
	void aRefusedLineAndARetriedClientIdInABatchLeaveTheOthersStoredOnce() throws Exception {
		String blocked = room();
		String roomId = roomInTheLaneOf(blocked);
		MessageView first = store(roomId, "ann", "first", "ann-1", null).orElseThrow();
		// hold the leader of the next line, so that the lines after it wait for one batch
		int stripe = this.locks.lock(blocked);
		Future<Optional<MessageView>> leader = this.callers.submit(() -> store(blocked, "ann", "held", null, null));
		await().until(() -> this.locks.isWaitedFor(stripe));
		List<Future<Optional<MessageView>>> batch = new ArrayList<>();
		batch.add(this.callers.submit(() -> store(roomId, "bob", "one", "bob-1", null)));
		batch.add(this.callers.submit(() -> store(roomId, "cid", "reply to nothing", "cid-1", 99L)));
		batch.add(this.callers.submit(() -> store(roomId, "ann", "first, again", "ann-1", null)));
		batch.add(this.callers.submit(() -> store(roomId, "dan", "reply", "dan-1", first.seq())));
		batch.add(this.callers.submit(() -> store(roomId, "eve", "two", null, null)));
		await().until(() -> this.groupCommit.waitingLines() == batch.size());
		this.locks.release(stripe);

		assertThat(leader.get(1, TimeUnit.MINUTES)).isPresent();
		MessageView one = batch.get(0).get(1, TimeUnit.MINUTES).orElseThrow();
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> batch.get(1).get(1, TimeUnit.MINUTES))
			.havingCause()
			.isInstanceOfSatisfying(Refusal.class,
					(refusal) -> assertThat(refusal.getError()).isEqualTo("invalid_reply"));
		assertThat(batch.get(2).get(1, TimeUnit.MINUTES)).as("a retried clientId").isEmpty();
		MessageView reply = batch.get(3).get(1, TimeUnit.MINUTES).orElseThrow();
		MessageView two = batch.get(4).get(1, TimeUnit.MINUTES).orElseThrow();

		assertThat(reply.replyTo().seq()).isEqualTo(first.seq());
		assertThat(List.of(one.seq(), reply.seq(), two.seq())).containsExactlyInAnyOrder(2L, 3L, 4L);
		assertThat(
				this.jdbc.queryForList("select seq from messages where room_id = ? order by seq", Long.class, roomId))
			.containsExactly(1L, 2L, 3L, 4L);
		assertThat(this.jdbc.queryForObject("select count(*) from messages where room_id = ? and client_id = 'ann-1'",
				Long.class, roomId))
			.isOne();
		assertThat(publishedSeqs(roomId)).containsExactly(1L, 2L, 3L, 4L);
		assertThat(this.publishedUncommitted).isEmpty();
	}

	@Test
	void aLineOfAnUnknownRoomIsRefusedAlone() {
		assertThatExceptionOfType(Refusal.class).isThrownBy(() -> store("no-such-room", "ann", "hi", null, null))
			.satisfies((refusal) -> assertThat(refusal.getStatus().value()).isEqualTo(404));
	}

	@Test
	void aLineInsideACallersTransactionIsNotBatched() {
		String roomId = room();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.transaction.execute((status) -> store(roomId, "ann", "hi", null, null)));
	}

	private Optional<MessageView> store(String roomId, String sender, String text, String clientId, Long replyTo) {
		return this.groupCommit.store(new GroupCommit.ChatLine(roomId, sender, text, clientId, replyTo, List.of()));
	}

	private boolean record(Message<?> message) {
		MessageView line = (MessageView) message.getPayload();
		assertThat(SimpMessageHeaderAccessor.getDestination(message.getHeaders()))
			.isEqualTo(Destinations.roomTopic(line.roomId()));
		// read on another connection: only a committed line is seen
		Long committed = this.jdbc.queryForObject("select count(*) from messages where id = ?", Long.class, line.id());
		if (committed != 1) {
			this.publishedUncommitted.add(line.roomId() + "#" + line.seq());
		}
		this.published.add(line);
		return true;
	}

	private List<Long> publishedSeqs(String roomId) {
		return this.published.stream().filter((line) -> line.roomId().equals(roomId)).map(MessageView::seq).toList();
	}

	/**
	 * A room whose lines queue behind another room's batch, not behind its stripe.
	 */
	private String roomInTheLaneOf(String other) {
		String roomId = room();
		while (GroupCommit.lane(roomId) != GroupCommit.lane(other)
				|| RoomLocks.stripe(roomId) == RoomLocks.stripe(other)) {
			roomId = room();
		}
		return roomId;
	}

	private String room() {
		String id = "batch-" + rooms.incrementAndGet() + "-" + System.nanoTime() % 100000;
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("insert into rooms (id, name, name_key, last_seq, last_activity_at, created_at)"
				+ " values (?, ?, ?, 0, ?, ?)", id, id, id, now, now);
		return id;
	}

}
