package io.stompchat.system.stomp;

import java.util.List;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a session ends, whatever the transport: a DISCONNECT ends it at once (the server
 * closes the transport itself, after the RECEIPT when one was asked for) and the user is
 * offline; a client that negotiated heart-beats and then says nothing for three of its
 * intervals is dropped. The clients here send only what the test writes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chat.heartbeat-ms=500")
class SessionEndEndToEndTests {

	@LocalServerPort
	int port;

	ChatUser alice;

	ChatUser bob;

	String roomId;

	@BeforeEach
	void setUp() {
		this.alice = ChatUser.signUp(this.port, "ending");
		this.bob = ChatUser.signUp(this.port, "watching");
		this.roomId = this.alice.createRoom("ending");
		this.bob.postJson("/api/rooms/" + this.roomId + "/members", "{\"username\": \"" + this.bob.username() + "\"}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "xhr-polling" })
	void aDisconnectWithReceiptIsAnsweredThenTheServerClosesAndPresenceDrops(String transport) throws Exception {
		try (StompTestClient watcher = StompTestClient.connect(this.bob, Transport.WEBSOCKET);
				RawTransport raw = open(transport).connect(this.alice)) {
			Inbox topic = watcher.subscribeRoom(this.roomId);
			raw.send("SEND\ndestination:/app/room." + this.roomId + ".join\ncontent-type:application/json\n\n{}\0");
			topic.await(online(this.alice.username()));
			raw.send("DISCONNECT\nreceipt:bye\n\n\0");
			assertThat(raw.await("RECEIPT")).contains("receipt-id:bye");
			// a polling client sees 1000 when a poll was waiting at the close, else the
			// 3000 "Go away!" SockJS answers for a session that is gone
			assertThat(raw.awaitClose()).isIn(1000, 3000);
			topic.await(online());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "xhr-polling" })
	void aDisconnectWithoutReceiptEndsTheSessionToo(String transport) throws Exception {
		try (RawTransport raw = open(transport).connect(this.alice)) {
			raw.send("DISCONNECT\n\n\0");
			assertThat(raw.awaitClose()).isPositive();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "websocket", "xhr-polling" })
	void aClientSilentForThreeHeartBeatIntervalsIsDropped(String transport) throws Exception {
		try (StompTestClient watcher = StompTestClient.connect(this.bob, Transport.WEBSOCKET);
				RawTransport raw = open(transport).connect(this.alice, "heart-beat:500,0")) {
			Inbox topic = watcher.subscribeRoom(this.roomId);
			raw.send("SEND\ndestination:/app/room." + this.roomId + ".join\ncontent-type:application/json\n\n{}\0");
			topic.await(online(this.alice.username()));
			// and now not a byte: the transport itself stays open (SockJS keeps polling)
			assertThat(raw.awaitClose()).isPositive();
			topic.await(online());
		}
	}

	private RawTransport open(String transport) throws Exception {
		return "websocket".equals(transport) ? RawTransport.webSocket(this.alice) : RawTransport.xhrPolling(this.alice);
	}

	private static java.util.function.Predicate<JsonNode> online(String... names) {
		return (event) -> "PRESENCE".equals(event.path("type").asString(null))
				&& List.of(names).equals(event.get("online").valueStream().map(JsonNode::asString).toList());
	}

}
