package io.stompchat.presence;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Typing through real STOMP clients: broadcast as {@code TYPING}, never stored, limited
 * per user, and cleared by the server when it is not renewed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TypingEndToEndTests {

	@LocalServerPort
	int port;

	ChatUser alice;

	ChatUser bob;

	String roomId;

	@BeforeEach
	void setUp() {
		this.alice = ChatUser.signUp(this.port, "alice");
		this.bob = ChatUser.signUp(this.port, "bob");
		this.roomId = this.alice.createRoom("typing");
	}

	@Test
	void typingIsBroadcastNeverStoredAndExpiresWhenNotRenewed() throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET);
				StompTestClient b = StompTestClient.connect(this.bob, Transport.WEBSOCKET)) {
			Inbox topic = b.subscribeRoom(this.roomId);
			a.send(room("join"));
			a.send(room("typing"), Map.of("typing", true));
			JsonNode started = topic.await(typing(this.alice, true));
			assertThat(started.get("roomId").asString()).isEqualTo(this.roomId);
			long startedAt = System.nanoTime();
			topic.await(typing(this.alice, false));
			assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
				.isGreaterThan(TypingIndicators.EXPIRES_AFTER.minusSeconds(1));
			assertThat(topic.ofType("TYPING")).hasSize(2);
			JsonNode history = this.bob.getJson("/api/rooms/" + this.roomId + "/messages");
			assertThat(history.get("messages")).extracting((m) -> m.get("type").asString()).containsExactly("JOIN");
		}
	}

	@Test
	void renewalsKeepTypingOnWithoutABroadcastEach() throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET);
				StompTestClient b = StompTestClient.connect(this.bob, Transport.WEBSOCKET)) {
			Inbox topic = b.subscribeRoom(this.roomId);
			a.send(room("join"));
			for (int i = 0; i < 4; i++) {
				a.send(room("typing"), Map.of("typing", true));
			}
			a.send(room("typing"), Map.of("typing", false));
			a.send(room("typing"), Map.of("typing", false));
			topic.await(typing(this.alice, false));
			a.send(room("chat"), StompTestClient.chat("barrier", null));
			topic.await((m) -> "barrier".equals(StompTestClient.text(m)));
			assertThat(topic.ofType("TYPING")).extracting((m) -> m.get("typing").asBoolean())
				.containsExactly(true, false);
		}
	}

	@Test
	void sendingTheMessageOrLosingTheConnectionStopsTyping() throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET);
				StompTestClient b = StompTestClient.connect(this.bob, Transport.WEBSOCKET)) {
			Inbox topic = b.subscribeRoom(this.roomId);
			a.send(room("join"));
			a.send(room("typing"), Map.of("typing", true));
			topic.await(typing(this.alice, true));
			a.send(room("chat"), StompTestClient.chat("done typing", null));
			topic.await(typing(this.alice, false));
			assertThat(topic.all()).extracting((m) -> m.get("type").asString())
				.containsSubsequence("TYPING", "CHAT", "TYPING");
			b.send(room("join"));
			b.send(room("typing"), Map.of("typing", true));
			topic.await(typing(this.bob, true));
			try (StompTestClient watcher = StompTestClient.connect(this.alice, Transport.WEBSOCKET)) {
				Inbox seen = watcher.subscribeRoom(this.roomId);
				b.kill();
				seen.await(typing(this.bob, false));
			}
		}
	}

	@Test
	void typingIsRefusedOutsideTheRoomOnABadBodyAndWhenTooFrequent() throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET)) {
			Inbox topic = a.subscribeRoom(this.roomId);
			Inbox errors = a.subscribe("/user/queue/errors");
			a.send(room("typing"), Map.of("typing", true));
			a.sendRaw(room("typing"), "{}");
			a.sendRaw(room("typing"), "{\"typing\": \"maybe\"}");
			a.sendRaw("/app/room.No-Such.typing", "{\"typing\": true}");
			List<JsonNode> refused = errors.awaitCount(4);
			assertThat(refused).extracting((e) -> e.get("status").asInt()).containsExactly(403, 400, 400, 404);
			assertThat(refused.get(0).get("error").asString()).isEqualTo("not_joined");
			assertThat(refused.get(0).get("destination").asString()).isEqualTo(room("typing"));
			a.send(room("join"));
			for (int i = 0; i < TypingRateLimit.BURST + 5; i++) {
				a.send(room("typing"), Map.of("typing", true));
			}
			errors.await((e) -> e.get("status").asInt() == 429);
			assertThat(errors.all()).filteredOn((e) -> e.get("status").asInt() == 429)
				.allSatisfy((e) -> assertThat(e.get("error").asString()).isEqualTo("rate_limited"));
			assertThat(topic.ofType("TYPING")).hasSizeLessThanOrEqualTo(1);
			assertThat(a.isConnected()).isTrue();
		}
	}

	private String room(String command) {
		return "/app/room." + this.roomId + "." + command;
	}

	private static Predicate<JsonNode> typing(ChatUser user, boolean typing) {
		return (m) -> "TYPING".equals(m.path("type").asString(""))
				&& user.username().equals(m.path("sender").asString(""))
				&& m.path("typing").asBoolean(!typing) == typing;
	}

}
