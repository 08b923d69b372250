package io.stompchat.system.stomp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * A session's outbox (here a SockJS-like session, written by the pool): frames in order,
 * a close after the frames sent before it, and a client that stops reading is cut off
 * without holding up the thread that sends to it.
 */
class OutboxTests {

	private final ExecutorService pool = Executors.newCachedThreadPool();

	private final WebSocketSession session = mock(WebSocketSession.class);

	private final List<String> written = new CopyOnWriteArrayList<>();

	@AfterEach
	void stop() {
		this.pool.shutdownNow();
	}

	@Test
	void theTextLimitIsTheOneMessagesAreJoinedToAndTheContainerIsNotAskedForMore() {
		Outbox outbox = new Outbox(this.session, this.pool, 1_000_000, 15_000, 132_096);
		outbox.setTextMessageSizeLimit(16 * 1024 + 256);
		assertThat(outbox.getTextMessageSizeLimit()).isEqualTo(132_096);
		verify(this.session, never()).setTextMessageSizeLimit(anyInt());
	}

	@Test
	void framesAreWrittenInOrderAndTheCloseComesAfterThem() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		willAnswer((call) -> {
			reading.await(5, TimeUnit.SECONDS);
			this.written.add(call.<TextMessage>getArgument(0).getPayload());
			return null;
		}).given(this.session).sendMessage(any());
		Outbox outbox = new Outbox(this.session, this.pool, 1_000_000, 15_000, 132_096);

		for (int i = 0; i < 100; i++) {
			outbox.sendMessage(new TextMessage("frame " + i));
		}
		outbox.close(CloseStatus.PROTOCOL_ERROR);
		verify(this.session, never()).close(any());
		reading.countDown();

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> verify(this.session).close(CloseStatus.PROTOCOL_ERROR));
		assertThat(this.written).hasSize(100).startsWith("frame 0", "frame 1").endsWith("frame 99");
		for (int i = 0; i < 100; i++) {
			assertThat(this.written.get(i)).isEqualTo("frame " + i);
		}
	}

	@Test
	void aClientThatStopsReadingIsCutOffAndHoldsUpNoSender() throws Exception {
		CountDownLatch never = new CountDownLatch(1);
		willAnswer((call) -> {
			never.await(10, TimeUnit.SECONDS);
			return null;
		}).given(this.session).sendMessage(any());
		Outbox outbox = new Outbox(this.session, this.pool, 10_000, 15_000, 132_096);

		Future<?> sending = this.pool.submit(() -> {
			for (int i = 0; i < 1000; i++) {
				outbox.sendMessage(new TextMessage("x".repeat(100)));
			}
		});

		// the first write still waits for the client, yet every send has returned
		await().atMost(Duration.ofSeconds(5)).until(sending::isDone);
		assertThat(never.getCount()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> verify(this.session).close(CloseStatus.SESSION_NOT_RELIABLE));
		never.countDown();
	}

	@Test
	void nothingIsWrittenAfterTheConnectionEnded() throws Exception {
		willAnswer((call) -> this.written.add(call.<WebSocketMessage<String>>getArgument(0).getPayload()))
			.given(this.session)
			.sendMessage(any());
		Outbox outbox = new Outbox(this.session, this.pool, 1_000_000, 15_000, 132_096);
		outbox.sendMessage(new TextMessage("before"));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.written.contains("before"));

		outbox.ended();
		outbox.sendMessage(new TextMessage("after"));
		outbox.close(CloseStatus.NORMAL);

		assertThat(this.written).containsExactly("before");
		verify(this.session, never()).close(any());
	}

}
