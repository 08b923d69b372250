package io.stompchat.system.stomp;

import java.time.Duration;

import io.stompchat.support.ChatUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Heart-beats both ways, whichever broker: a client's heart-beats keep its connection
 * open past three of its intervals, and the server sends heart-beats at the interval the
 * client asked for. Run against the in-memory broker ({@link HeartbeatEndToEndTests}) and
 * through the relay to ActiveMQ Artemis ({@link HeartbeatRelayEndToEndTests}), each of
 * which drops a client silent past its intervals.
 */
abstract class HeartbeatScenarios {

	ChatUser alice;

	abstract int port();

	@BeforeEach
	void signUp() {
		this.alice = ChatUser.signUp(port(), "beating");
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "xhr-polling" })
	void aClientSendingHeartBeatsStaysConnectedPastThreeOfItsIntervals(String transport) throws Exception {
		try (RawTransport raw = open(transport).connect(this.alice, "heart-beat:500,0")) {
			long end = System.nanoTime() + Duration.ofSeconds(7).toNanos();
			while (System.nanoTime() < end) {
				raw.send("\n");
				Thread.sleep(200);
			}
			assertThat(raw.closed).isNotDone();
			raw.send(
					"SEND\ndestination:/app/room.general.join\ncontent-type:application/json\nreceipt:still-here\n\n{}\0");
			assertThat(raw.await("RECEIPT")).contains("receipt-id:still-here");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "xhr-polling" })
	void theServerSendsHeartBeatsToAClientThatAskedForThem(String transport) throws Exception {
		try (RawTransport raw = open(transport).connect(this.alice, "heart-beat:0,500")) {
			await().atMost(RawTransport.TIMEOUT)
				.until(() -> raw.frames.stream().filter((frame) -> frame.equals("\n")).count() >= 3);
			assertThat(raw.closed).isNotDone();
		}
	}

	private RawTransport open(String transport) throws Exception {
		return "websocket".equals(transport) ? RawTransport.webSocket(this.alice) : RawTransport.xhrPolling(this.alice);
	}

}
