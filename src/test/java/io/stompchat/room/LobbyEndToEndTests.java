package io.stompchat.room;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.stompchat.support.StompTestClient.chat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live lobby: {@code /user/queue/rooms} receives a room's summary, as that user sees
 * it, whenever it changes for them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LobbyEndToEndTests {

	@LocalServerPort
	int port;

	ChatUser alice;

	ChatUser bob;

	String roomId;

	@BeforeEach
	void setUp() {
		this.alice = ChatUser.signUp(this.port, "alice");
		this.bob = ChatUser.signUp(this.port, "bob");
		this.roomId = "lobby-" + this.alice.username().toLowerCase().replaceAll("[^a-z0-9]", "-");
		this.alice.createRoom(this.roomId, "Lobby " + this.roomId);
	}

	@Test
	void anotherUsersMessageRaisesTheUnreadCountAndReadingClearsIt() throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET);
				StompTestClient lobby = StompTestClient.connect(this.alice, Transport.WEBSOCKET);
				StompTestClient b = StompTestClient.connect(this.bob, Transport.WEBSOCKET)) {
			Inbox rooms = lobby.subscribeInPlace("/user/queue/rooms", this.roomId);
			Inbox topic = b.subscribeRoom(this.roomId);
			// seq 1 is alice's JOIN from creating the room; bob's join makes him a member
			a.send(room("join"));
			b.send(room("join"));
			topic.await((m) -> m.path("seq").asLong() == 2);
			b.send(room("chat"), chat("you there?", null));
			JsonNode summary = rooms
				.await(summary((s) -> s.path("lastMessage").path("text").asString("").equals("you there?")));
			assertThat(summary.get("name").asString()).isEqualTo("Lobby " + this.roomId);
			assertThat(summary.get("unread").asLong()).isEqualTo(1);
			assertThat(summary.get("lastMessage").get("sender").asString()).isEqualTo(this.bob.username());
			b.send(room("chat"), chat("hello?", null));
			rooms.await(summary((s) -> s.get("unread").asLong() == 2));
			a.send(room("read"), Map.of("seq", 4));
			JsonNode read = rooms.await(
					summary((s) -> s.get("unread").asLong() == 0 && s.path("lastMessage").path("seq").asLong() == 4));
			assertThat(read.get("lastMessage").get("text").asString()).isEqualTo("hello?");
		}
	}

	@Test
	void everyConnectedMemberHearsOfANewMessageAndOwnMessagesAreNotUnread() throws Exception {
		ChatUser carol = ChatUser.signUp(this.port, "carol");
		try (StompTestClient b = StompTestClient.connect(this.bob, Transport.WEBSOCKET);
				StompTestClient c = StompTestClient.connect(carol, Transport.WEBSOCKET)) {
			Inbox atBob = b.subscribeInPlace("/user/queue/rooms", this.roomId);
			Inbox atCarol = c.subscribeInPlace("/user/queue/rooms", this.roomId);
			c.send(room("join"));
			atCarol.await(summary((s) -> s.path("lastMessage").path("sender").asString("").equals(carol.username())));
			b.send(room("join"));
			b.send(room("chat"), chat("first", null));
			Predicate<JsonNode> first = summary((s) -> "first".equals(s.path("lastMessage").path("text").asString("")));
			assertThat(atBob.await(first).get("unread").asLong()).isZero();
			// carol is a member: bob's line is unread for her
			assertThat(atCarol.await(first).get("unread").asLong()).isEqualTo(1);
		}
	}

	@Test
	void theOnlineCountFollowsPresence() throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET);
				StompTestClient b = StompTestClient.connect(this.bob, Transport.WEBSOCKET)) {
			Inbox rooms = a.subscribeInPlace("/user/queue/rooms", this.roomId);
			b.send(room("join"));
			rooms.await(summary((s) -> s.get("online").asInt() == 1));
			a.send(room("join"));
			rooms.await(summary((s) -> s.get("online").asInt() == 2));
			// alice's join stored nothing (she created the room): the summaries after
			// bob's
			// connection drops are the ones to watch
			int before = rooms.all().size();
			b.kill();
			JsonNode alone = Awaitility.await()
				.until(() -> rooms.all()
					.stream()
					.skip(before)
					.filter(summary((s) -> s.get("online").asInt() == 1))
					.findFirst(), Optional::isPresent)
				.orElseThrow();
			// a dropped connection stores no LEAVE: the last message is still bob's JOIN
			assertThat(alone.get("lastMessage").get("type").asString()).isEqualTo("JOIN");
			assertThat(alone.get("lastMessage").get("sender").asString()).isEqualTo(this.bob.username());
		}
	}

	private Predicate<JsonNode> summary(Predicate<JsonNode> condition) {
		return (s) -> this.roomId.equals(s.path("id").asString("")) && condition.test(s);
	}

	private String room(String command) {
		return "/app/room." + this.roomId + "." + command;
	}

}
