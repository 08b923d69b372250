package io.stompchat.message;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
			// bob's JOIN (seq 2) is stored before alice's line, whichever connection is
			// faster
			atAlice.awaitMessages(1);
			a.send("/app/room." + this.roomId + ".chat", chat("hello from alice", "c-1"));
			b.send("/app/room." + this.roomId + ".chat", chat("hi alice", null));
			b.send("/app/room." + this.roomId + ".leave");
			// seq 1 is alice's JOIN when she created the room: her join now stores
			// nothing
			for (Inbox inbox : List.of(atAlice, atBob)) {
				// across instances the broker may interleave two senders' messages: order
				// by seq, as clients do; bob's subscription ends with his own LEAVE
				List<JsonNode> seen = inbox.awaitMessages(4)
					.stream()
					.sorted(Comparator.comparingLong((m) -> m.get("seq").asLong()))
					.toList();
				assertThat(inbox.messages()).hasSize(4);
				assertThat(seen).extracting((m) -> m.get("seq").asLong()).containsExactly(2L, 3L, 4L, 5L);
				assertThat(sentBy(seen, this.alice)).containsExactly("CHAT:hello from alice");
				assertThat(sentBy(seen, this.bob)).containsExactly("JOIN", "CHAT:hi alice", "LEAVE");
				JsonNode hello = seen.stream()
					.filter((m) -> "hello from alice".equals(StompTestClient.text(m)))
					.findFirst()
					.orElseThrow();
				assertThat(hello.get("clientId").asString()).isEqualTo("c-1");
				assertThat(hello.get("roomId").asString()).isEqualTo(this.roomId);
				assertThat(hello.get("sentAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
				// alice's CHAT and bob's JOIN come from two sessions: either may be
				// stored first
				JsonNode join = seen.stream()
					.filter((m) -> "JOIN".equals(m.get("type").asString()))
					.findFirst()
					.orElseThrow();
				assertThat(join.get("text").isNull()).isTrue();
			}
			assertThat(atAlice.messages()).containsExactlyInAnyOrderElementsOf(atBob.messages());
			JsonNode history = this.alice.getJson("/api/rooms/" + this.roomId + "/messages");
			// alice's JOIN from creating the room, then what both saw live, in seq order
			List<JsonNode> live = atAlice.messages()
				.stream()
				.sorted(Comparator.comparingLong((m) -> m.get("seq").asLong()))
				.toList();
			assertThat(history.get("messages")).extracting((m) -> m.get("seq").asLong())
				.containsExactly(1L, 2L, 3L, 4L, 5L);
			assertThat(history.get("messages")).extracting((m) -> m.get("type").asString())
				.containsExactlyElementsOf(
						Stream.concat(Stream.of("JOIN"), live.stream().map((m) -> m.get("type").asString())).toList());
			assertThat(history.get("messages").get(0).get("sender").asString()).isEqualTo(this.alice.username());
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void everyChangeIsBroadcastOnceWithItsSeqAndReplayedAfterAReconnect(Transport transport) throws Exception {
		String room = "/app/room." + this.roomId;
		try (StompTestClient a = StompTestClient.connect(this.alice, transport);
				StompTestClient b = StompTestClient.connect(this.bob, transport)) {
			Inbox atAlice = a.subscribeRoom(this.roomId);
			Inbox atBob = b.subscribeRoom(this.roomId);
			Inbox bobErrors = b.subscribe("/user/queue/errors");
			Inbox aliceErrors = a.subscribe("/user/queue/errors");
			// seq 1 is alice's JOIN when she created the room, before anyone subscribed;
			// her join stores nothing, bob's is seq 2
			a.send(room + ".join");
			b.send(room + ".join");
			atBob.awaitMessages(1);
			a.send(room + ".chat", chat("hello @" + this.bob.username().toUpperCase(java.util.Locale.ROOT), "c-1"));
			atBob.awaitMessages(2);
			b.send(room + ".chat", Map.of("text", "hi", "replyTo", 3));
			JsonNode reply = atAlice.await((m) -> m.path("seq").asLong() == 4);
			assertThat(reply.get("replyTo").get("seq").asLong()).isEqualTo(3);
			assertThat(reply.get("replyTo").get("sender").asString()).isEqualTo(this.alice.username());
			assertThat(reply.get("replyTo").get("text").asString()).startsWith("hello @");
			// a client that has lines 1 to 4 drops off here; what follows it replays
			Replay replay = new Replay(this.alice.getJson("/api/rooms/" + this.roomId + "/messages").get("messages"));
			String edited = "hello @" + this.bob.username() + ", edited";
			a.send(room + ".edit", Map.of("seq", 3, "text", edited));
			// two sessions' frames have no order between them: the edit is stored first
			atAlice.await((m) -> "EDIT".equals(m.path("type").asString()));
			b.send(room + ".react", Map.of("seq", 3, "emoji", "👍"));
			atAlice.awaitMessages(5);
			a.send(room + ".react", Map.of("seq", 3, "emoji", "👍"));
			a.send(room + ".react", Map.of("seq", 3, "emoji", "🎉", "clientId", "r-1"));
			a.send(room + ".react", Map.of("seq", 3, "emoji", "🎉", "clientId", "r-1"));
			atAlice.awaitMessages(7);
			b.send(room + ".react", Map.of("seq", 3, "emoji", "👍"));
			atAlice.awaitMessages(8);
			b.send(room + ".edit", Map.of("seq", 3, "text", "not mine"));
			b.send(room + ".delete", Map.of("seq", 3));
			b.send(room + ".react", Map.of("seq", 3, "emoji", "ok"));
			b.send(room + ".react", Map.of("seq", 1, "emoji", "👍"));
			b.send(room + ".edit", Map.of("seq", 999, "text", "nowhere"));
			List<JsonNode> refused = bobErrors.awaitCount(5);
			assertThat(refused).extracting((e) -> e.get("status").asInt() + " " + e.get("error").asString())
				.containsExactly("403 not_your_message", "403 not_your_message", "400 invalid_emoji",
						"400 invalid_target", "400 invalid_target");
			JsonNode before = this.alice.getJson("/api/rooms/" + this.roomId + "/messages?after=4");
			replay.apply(before.get("messages"));
			JsonNode line = chatAt(this.alice.getJson("/api/rooms/" + this.roomId + "/messages"), 3);
			assertThat(line.get("text").asString()).isEqualTo(edited);
			JsonNode editLine = before.get("messages")
				.valueStream()
				.filter((m) -> "EDIT".equals(m.path("type").asString()))
				.findFirst()
				.orElseThrow();
			assertThat(line.get("editedAt").asString()).isEqualTo(editLine.get("sentAt").asString());
			assertThat(line.get("mentions")).extracting(JsonNode::asString).containsExactly(this.bob.username());
			assertThat(line.get("reactions").toString()).isEqualTo("[{\"emoji\":\"👍\",\"users\":[\""
					+ this.alice.username() + "\"]},{\"emoji\":\"🎉\",\"users\":[\"" + this.alice.username() + "\"]}]");
			assertThat(replay.state(3)).isEqualTo(project(line));
			a.send(room + ".delete", Map.of("seq", 3));
			atAlice.awaitMessages(9);
			a.send(room + ".edit", Map.of("seq", 3, "text", "again"));
			assertThat(aliceErrors.awaitCount(1).get(0).get("error").asString()).isEqualTo("invalid_target");
			for (Inbox inbox : List.of(atAlice, atBob)) {
				List<JsonNode> seen = inbox.awaitMessages(9);
				assertThat(seen).extracting((m) -> m.get("seq").asLong())
					.containsExactlyInAnyOrder(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
				assertThat(seen.stream().sorted(Comparator.comparingLong((m) -> m.get("seq").asLong())))
					.extracting((m) -> m.get("type").asString() + ":" + m.path("target").asLong(0))
					.containsExactly("JOIN:0", "CHAT:0", "CHAT:0", "EDIT:3", "REACTION:3", "REACTION:3", "REACTION:3",
							"REACTION:3", "DELETE:3");
			}
			JsonNode page = this.alice.getJson("/api/rooms/" + this.roomId + "/messages?after=4");
			assertThat(page.get("messages")).extracting((m) -> m.get("seq").asLong())
				.containsExactly(5L, 6L, 7L, 8L, 9L, 10L);
			assertThat(page.get("messages")).extracting((m) -> m.path("added").asString(""))
				.containsExactly("", "true", "true", "true", "false", "");
			assertThat(page.get("messages").get(0).get("text").isNull()).as("an erased edit").isTrue();
			replay.apply(page.get("messages"));
			JsonNode all = this.alice.getJson("/api/rooms/" + this.roomId + "/messages");
			JsonNode deleted = chatAt(all, 3);
			assertThat(deleted.get("deleted").asBoolean()).isTrue();
			assertThat(deleted.get("text").isNull()).isTrue();
			assertThat(deleted.get("reactions")).isEmpty();
			assertThat(deleted.get("mentions")).isEmpty();
			assertThat(chatAt(all, 4).get("replyTo").get("text").isNull()).isTrue();
			assertThat(replay.state(3)).isEqualTo(project(deleted));
			assertThat(a.problems()).isEmpty();
			assertThat(b.problems()).isEmpty();
		}
	}

	private static JsonNode chatAt(JsonNode page, long seq) {
		for (JsonNode message : page.get("messages")) {
			if (message.get("seq").asLong() == seq) {
				return message;
			}
		}
		throw new AssertionError("no seq " + seq + " in " + page);
	}

	private static Map<String, Object> project(JsonNode chat) {
		Map<String, Object> state = new java.util.LinkedHashMap<>();
		state.put("text", chat.get("text").isNull() ? null : chat.get("text").asString());
		state.put("editedAt", chat.get("editedAt").isNull() ? null : chat.get("editedAt").asString());
		state.put("deleted", chat.get("deleted").asBoolean());
		state.put("mentions", chat.get("mentions").valueStream().map(JsonNode::asString).toList());
		Map<String, List<String>> reactions = new java.util.LinkedHashMap<>();
		chat.get("reactions")
			.forEach((r) -> reactions.put(r.get("emoji").asString(),
					r.get("users").valueStream().map(JsonNode::asString).toList()));
		state.put("reactions", reactions);
		return state;
	}

	/**
	 * What a client does with the events it replays: applies each change to the CHAT it
	 * targets, as the page does.
	 */
	static final class Replay {

		private final Map<Long, Map<String, Object>> lines = new java.util.HashMap<>();

		Replay(JsonNode messages) {
			apply(messages);
		}

		@SuppressWarnings("unchecked")
		void apply(JsonNode messages) {
			for (JsonNode m : messages) {
				String type = m.get("type").asString();
				if ("CHAT".equals(type)) {
					this.lines.put(m.get("seq").asLong(), project(m));
					continue;
				}
				Map<String, Object> line = this.lines.get(m.path("target").asLong(-1));
				if ("EDIT".equals(type)) {
					line.put("text", m.get("text").isNull() ? null : m.get("text").asString());
					line.put("editedAt", m.get("sentAt").asString());
					line.put("mentions", m.get("mentions").valueStream().map(JsonNode::asString).toList());
				}
				else if ("DELETE".equals(type)) {
					line.put("text", null);
					line.put("deleted", true);
					line.put("mentions", List.of());
					line.put("reactions", new java.util.LinkedHashMap<>());
				}
				else if ("REACTION".equals(type)) {
					Map<String, List<String>> reactions = (Map<String, List<String>>) line.get("reactions");
					String emoji = m.get("emoji").asString();
					List<String> users = new java.util.ArrayList<>(reactions.getOrDefault(emoji, List.of()));
					if (m.get("added").asBoolean()) {
						users.add(m.get("sender").asString());
					}
					else {
						users.remove(m.get("sender").asString());
					}
					if (users.isEmpty()) {
						reactions.remove(emoji);
					}
					else {
						reactions.put(emoji, users);
					}
				}
			}
		}

		Map<String, Object> state(long seq) {
			return this.lines.get(seq);
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
			// seq 1 is alice's JOIN from creating the room; joining again stored nothing
			topic.awaitMessages(2);
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
			// seq 1 is alice's JOIN from creating the room
			assertThat(seen).extracting((m) -> m.get("seq").asLong()).containsExactly(2L, 3L);
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
			// seq 1 is alice's JOIN from creating the room
			assertThat(history.get("messages")).extracting((m) -> m.get("type").asString())
				.containsExactly("JOIN", "CHAT", "CHAT");
			assertThat(history.get("messages").get(1).get("clientId").asString()).isEqualTo("retry-1");
			assertThat(history.get("messages").get(2).get("clientId").asString()).isEqualTo("retry-2");
			assertThat(history.get("messages")).extracting((m) -> m.get("seq").asLong()).containsExactly(1L, 2L, 3L);
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
			// seq 1 is alice's JOIN from creating the room
			assertThat(stored).extracting((m) -> m.get("seq").asLong()).containsExactly(2L, 3L);
			assertThat(a.isConnected()).isTrue();
			assertThat(a.problems()).isEmpty();
		}
	}

}
