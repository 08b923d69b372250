package io.stompchat.message;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.messaging.simp.stomp.StompHeaders;

import static io.stompchat.support.StompTestClient.chat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core chat through a real STOMP client; every scenario runs over native WebSocket,
 * SockJS xhr-streaming and SockJS xhr-polling, and against every broker: the in-memory
 * one ({@link ChatEndToEndTests}) and the relay to Artemis and RabbitMQ, where alice and
 * bob are on two different server instances.
 */
abstract class ChatScenarios {

	/**
	 * The port of the server under test.
	 * @return the port
	 */
	abstract int port();

	/**
	 * The port of a second server sharing the broker and the database; by default the
	 * same.
	 * @return the port
	 */
	int otherPort() {
		return port();
	}

	ChatUser alice;

	ChatUser bob;

	String roomId;

	@BeforeEach
	void setUp() {
		this.alice = ChatUser.signUp(port(), "alice");
		this.bob = ChatUser.signUp(otherPort(), "bob");
		this.roomId = this.alice.createRoom("e2e");
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void twoUsersSeeEachOthersJoinChatAndLeave(Transport transport) throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, transport);
				StompTestClient b = StompTestClient.connect(this.bob, transport)) {
			Inbox atAlice = a.subscribeRoom(this.roomId);
			Inbox atBob = b.subscribeRoom(this.roomId);
			a.send("/app/room." + this.roomId + ".join");
			b.send("/app/room." + this.roomId + ".join");
			a.send("/app/room." + this.roomId + ".chat", chat("hello from alice", "c-1"));
			b.send("/app/room." + this.roomId + ".chat", chat("hi alice", null));
			b.send("/app/room." + this.roomId + ".leave");
			for (Inbox inbox : List.of(atAlice, atBob)) {
				// across instances the broker may interleave two senders' messages: order
				// by seq,
				// as clients do
				List<JsonNode> seen = inbox.awaitMessages(5)
					.stream()
					.sorted(Comparator.comparingLong((m) -> m.get("seq").asLong()))
					.toList();
				assertThat(inbox.messages()).hasSize(5);
				assertThat(seen).extracting((m) -> m.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
				assertThat(sentBy(seen, this.alice)).containsExactly("JOIN", "CHAT:hello from alice");
				assertThat(sentBy(seen, this.bob)).containsExactly("JOIN", "CHAT:hi alice", "LEAVE");
				JsonNode hello = seen.stream()
					.filter((m) -> "hello from alice".equals(StompTestClient.text(m)))
					.findFirst()
					.orElseThrow();
				assertThat(hello.get("clientId").asString()).isEqualTo("c-1");
				assertThat(hello.get("roomId").asString()).isEqualTo(this.roomId);
				assertThat(hello.get("sentAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
				assertThat(seen.get(0).get("text").isNull()).isTrue();
			}
			assertThat(atAlice.messages()).containsExactlyInAnyOrderElementsOf(atBob.messages());
		}
	}

	private static List<String> sentBy(List<JsonNode> messages, ChatUser user) {
		return messages.stream()
			.filter((m) -> user.username().equals(m.get("sender").asString()))
			.map((m) -> m.get("type").asString() + (m.get("text").isNull() ? "" : ":" + m.get("text").asString()))
			.toList();
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void historyIsSentOnceToTheSubscriberAlone(Transport transport) throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, transport);
				StompTestClient b = StompTestClient.connect(this.bob, transport)) {
			Inbox topic = a.subscribeRoom(this.roomId);
			a.send("/app/room." + this.roomId + ".join");
			a.send("/app/room." + this.roomId + ".chat", chat("first <b>line</b>", null));
			a.send("/app/room." + this.roomId + ".chat", chat("  second line, kept as sent  ", null));
			topic.awaitMessages(3);
			Inbox bobHistory = b.subscribe("/app/room." + this.roomId + ".history");
			JsonNode page = bobHistory.awaitCount(1).get(0);
			assertThat(page.get("hasMore").asBoolean()).isFalse();
			assertThat(page.get("messages")).extracting((m) -> m.get("seq").asLong()).containsExactly(1L, 2L, 3L);
			assertThat(page.get("messages").get(1).get("text").asString()).isEqualTo("first <b>line</b>");
			assertThat(page.get("messages").get(2).get("text").asString()).isEqualTo("  second line, kept as sent  ");
			Inbox aliceHistory = a.subscribe("/app/room." + this.roomId + ".history");
			aliceHistory.awaitCount(1);
			assertThat(bobHistory.all()).hasSize(1);
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void spoofedSenderIsIgnored(Transport transport) throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, transport)) {
			Inbox topic = a.subscribeRoom(this.roomId);
			a.send("/app/room." + this.roomId + ".chat",
					Map.of("text", "it is me", "sender", this.bob.username(), "type", "LEAVE", "seq", 99));
			StompHeaders headers = new StompHeaders();
			headers.setDestination("/app/room." + this.roomId + ".chat");
			headers.add("user", this.bob.username());
			headers.add("simpUser", this.bob.username());
			headers.add("sender", this.bob.username());
			a.send(headers, "{\"text\": \"really me\"}");
			List<JsonNode> seen = topic.awaitCount(2);
			assertThat(seen).extracting((m) -> m.get("sender").asString()).containsOnly(this.alice.username());
			assertThat(seen).extracting((m) -> m.get("type").asString()).containsOnly("CHAT");
			assertThat(seen).extracting((m) -> m.get("seq").asLong()).containsExactly(1L, 2L);
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aRepeatedClientIdIsStoredAndBroadcastOnce(Transport transport) throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, transport)) {
			Inbox topic = a.subscribeRoom(this.roomId);
			a.send("/app/room." + this.roomId + ".chat", chat("once", "retry-1"));
			a.send("/app/room." + this.roomId + ".chat", chat("once", "retry-1"));
			a.send("/app/room." + this.roomId + ".chat", chat("after", "retry-2"));
			topic.await((m) -> "after".equals(m.path("text").asString()));
			assertThat(topic.all()).extracting(StompTestClient::text).containsExactly("once", "after");
			JsonNode history = this.alice.getJson("/api/rooms/" + this.roomId + "/messages");
			assertThat(history.get("messages")).extracting((m) -> m.get("clientId").asString())
				.containsExactly("retry-1", "retry-2");
			assertThat(history.get("messages")).extracting((m) -> m.get("seq").asLong()).containsExactly(1L, 2L);
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void refusedSendsAreAnsweredAndTheSessionKeepsWorking(Transport transport) throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, transport)) {
			Inbox topic = a.subscribeRoom(this.roomId);
			Inbox errors = a.subscribe("/user/queue/errors");
			String chat = "/app/room." + this.roomId + ".chat";
			a.send(chat, chat("   \n\t ", null));
			a.send(chat, chat("x".repeat(2001), null));
			a.sendRaw(chat, "this is not json");
			a.send(chat, Map.of("clientId", "no-text"));
			a.send(chat, chat("ok", "c".repeat(65)));
			a.send("/app/room.no-such-room.chat", chat("hello?", null));
			List<JsonNode> refusals = errors.awaitCount(6);
			assertThat(refusals).extracting((e) -> e.get("status").asInt())
				.containsExactly(400, 400, 400, 400, 400, 404);
			assertThat(refusals.get(0).get("error").asString()).isEqualTo("invalid_message");
			assertThat(refusals.get(0).get("destination").asString()).isEqualTo(chat);
			assertThat(refusals.get(0).get("detail").asString()).isNotBlank();
			assertThat(refusals.get(5).get("error").asString()).isEqualTo("unknown_room");
			String longest = "😀".repeat(2000);
			a.send(chat, chat(longest, null));
			a.send(chat, chat("still here", null));
			List<JsonNode> stored = topic.awaitCount(2);
			assertThat(stored).extracting(StompTestClient::text).containsExactly(longest, "still here");
			assertThat(stored).extracting((m) -> m.get("seq").asLong()).containsExactly(1L, 2L);
			assertThat(a.isConnected()).isTrue();
			assertThat(a.problems()).isEmpty();
		}
	}

}
