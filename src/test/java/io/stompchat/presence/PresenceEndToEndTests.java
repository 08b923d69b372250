package io.stompchat.presence;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Presence through real STOMP clients: who is online is who has joined with a connected
 * session and not left, told to the room as {@code PRESENCE} snapshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PresenceEndToEndTests {

	@LocalServerPort
	int port;

	@Autowired
	SimpUserRegistry registry;

	ChatUser alice;

	ChatUser bob;

	String roomId;

	@BeforeEach
	void setUp() {
		this.alice = ChatUser.signUp(this.port, "alice");
		this.bob = ChatUser.signUp(this.port, "bob");
		this.roomId = this.alice.createRoom("presence");
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "WEBSOCKET", "XHR_POLLING" })
	void aUserWithTwoTabsStaysOnlineUntilBothAreGone(Transport transport) throws Exception {
		try (StompTestClient watcher = StompTestClient.connect(this.bob, transport);
				StompTestClient tab1 = StompTestClient.connect(this.alice, transport);
				StompTestClient tab2 = StompTestClient.connect(this.alice, transport)) {
			Inbox topic = watcher.subscribeRoom(this.roomId);
			tab1.send(join());
			topic.await(online(this.alice.username()));
			// alice is a member: her second tab's join stores nothing and changes no
			// presence
			tab2.sendWithReceipt(join(), Map.of(), "tab2-join").get(15, TimeUnit.SECONDS);
			tab1.close();
			awaitSessions(this.alice, 1);
			watcher.send(join());
			topic.await(online(this.alice.username(), this.bob.username()));
			assertThat(onlineCount()).isEqualTo(2);
			tab2.close();
			topic.await(online(this.bob.username()));
			assertThat(snapshots(topic)).containsExactly(List.of(this.alice.username()),
					List.of(this.alice.username(), this.bob.username()), List.of(this.bob.username()));
			assertThat(onlineCount()).isEqualTo(1);
		}
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "WEBSOCKET", "XHR_POLLING" })
	void aDroppedConnectionTakesTheUserOfflineWithoutALeaveInHistory(Transport transport) throws Exception {
		try (StompTestClient watcher = StompTestClient.connect(this.bob, transport);
				StompTestClient dropped = StompTestClient.connect(this.alice, transport)) {
			// bob becomes a member (a stored JOIN) without being present
			assertThat(this.bob
				.postJson("/api/rooms/" + this.roomId + "/members", "{\"username\": \"" + this.bob.username() + "\"}")
				.statusCode()).isEqualTo(201);
			Inbox topic = watcher.subscribeRoom(this.roomId);
			dropped.subscribeRoom(this.roomId);
			dropped.send(join());
			topic.await(online(this.alice.username()));
			dropped.kill();
			// over SockJS the server learns that a client is gone when a poll stays away
			// or a write fails: a heart-beat does that after 25 s, a message at once
			watcher.send("/app/room." + this.roomId + ".chat", StompTestClient.chat("are you there?", null));
			topic.await(online());
			assertThat(snapshots(topic)).containsExactly(List.of(this.alice.username()), List.of());
			JsonNode history = this.bob.getJson("/api/rooms/" + this.roomId + "/messages");
			assertThat(history.get("messages")).extracting((m) -> m.get("type").asString())
				.containsExactly("JOIN", "JOIN", "CHAT");
			assertThat(onlineCount()).isZero();
		}
	}

	@Test
	void leavingTakesTheUserOfflineAndASecondLeaveChangesNothing() throws Exception {
		try (StompTestClient watcher = StompTestClient.connect(this.bob, Transport.WEBSOCKET);
				StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET)) {
			Inbox topic = watcher.subscribeRoom(this.roomId);
			Inbox errors = a.subscribe("/user/queue/errors");
			a.send(join());
			a.send(join());
			topic.await(online(this.alice.username()));
			a.send(leave());
			topic.await(online());
			a.send(leave());
			// alice is no longer a member: the second LEAVE is refused and stores
			// nothing,
			// before bob, on another connection, joins
			assertThat(errors.awaitCount(1).get(0).get("destination").asString()).isEqualTo(leave());
			watcher.send(join());
			topic.await(online(this.bob.username()));
			// bob's JOIN and his PRESENCE may arrive in either order
			topic.await((m) -> "JOIN".equals(m.path("type").asString("")));
			assertThat(snapshots(topic)).containsExactly(List.of(this.alice.username()), List.of(),
					List.of(this.bob.username()));
			assertThat(topic.all()).filteredOn((m) -> m.has("seq"))
				.extracting((m) -> m.get("type").asString())
				.containsExactly("LEAVE", "JOIN");
		}
	}

	@Test
	void theRoomListShowsHowManyAreOnline() throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET);
				StompTestClient b = StompTestClient.connect(this.bob, Transport.WEBSOCKET)) {
			Inbox topic = a.subscribeRoom(this.roomId);
			a.send(join());
			b.send(join());
			topic.await(online(this.alice.username(), this.bob.username()));
			JsonNode rooms = this.alice.getJson("/api/rooms");
			JsonNode room = null;
			for (JsonNode candidate : rooms) {
				if (this.roomId.equals(candidate.get("id").asString())) {
					room = candidate;
				}
			}
			assertThat(room).isNotNull();
			assertThat(room.get("online").asInt()).isEqualTo(2);
		}
	}

	private int onlineCount() {
		return this.alice.getJson("/api/rooms/" + this.roomId).get("online").asInt();
	}

	private void awaitSessions(ChatUser user, int sessions) {
		Awaitility.await().until(() -> {
			SimpUser simpUser = this.registry.getUser(user.username());
			return ((simpUser != null) ? simpUser.getSessions().size() : 0) == sessions;
		});
	}

	private String join() {
		return "/app/room." + this.roomId + ".join";
	}

	private String leave() {
		return "/app/room." + this.roomId + ".leave";
	}

	static java.util.function.Predicate<JsonNode> online(String... users) {
		return (message) -> "PRESENCE".equals(message.path("type").asString(""))
				&& users(message).equals(List.of(users));
	}

	static List<List<String>> snapshots(Inbox topic) {
		return topic.ofType("PRESENCE").stream().map(PresenceEndToEndTests::users).toList();
	}

	private static List<String> users(JsonNode presence) {
		return presence.get("online").valueStream().map(JsonNode::asString).toList();
	}

}
