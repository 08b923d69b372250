package io.stompchat.presence;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.RelayPair;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances on the broker relay (a real ActiveMQ Artemis) sharing one
 * database: alice is connected to one, bob to the other, and presence, typing and the
 * lobby behave as on one server.
 */
class PresenceAcrossInstancesTests {

	static RelayPair relay;

	@BeforeAll
	static void start() throws Exception {
		relay = RelayPair.start("relay-presence");
	}

	@AfterAll
	static void stop() throws Exception {
		RelayPair.close(relay);
	}

	@Test
	void usersOnDifferentInstancesSeeEachOtherComeTypeTalkAndGo() throws Exception {
		ChatUser alice = ChatUser.signUp(relay.portOne(), "alice");
		ChatUser bob = ChatUser.signUp(relay.portTwo(), "bob");
		String roomId = alice.createRoom("across");
		try (StompTestClient a = StompTestClient.connect(alice, Transport.WEBSOCKET);
				StompTestClient b = StompTestClient.connect(bob, Transport.WEBSOCKET)) {
			Inbox atAlice = a.subscribeRoom(roomId);
			Inbox atBob = b.subscribeRoom(roomId);
			Inbox aliceLobby = a.subscribe("/user/queue/rooms");
			a.send("/app/room." + roomId + ".join");
			atBob.await(PresenceEndToEndTests.online(alice.username()));
			b.send("/app/room." + roomId + ".join");
			atAlice.await(PresenceEndToEndTests.online(alice.username(), bob.username()));
			assertThat(alice.getJson("/api/rooms/" + roomId).get("online").asInt()).isEqualTo(2);

			b.send("/app/room." + roomId + ".typing", Map.of("typing", true));
			atAlice.await((m) -> "TYPING".equals(m.path("type").asString("")) && m.path("typing").asBoolean()
					&& bob.username().equals(m.path("sender").asString("")));

			// the registry of the other instance learns of alice's session by broadcast
			awaitRegistryOf(relay.two(), alice.username());
			b.send("/app/room." + roomId + ".chat", StompTestClient.chat("from the other instance", null));
			JsonNode summary = aliceLobby.await((s) -> roomId.equals(s.path("id").asString(""))
					&& "from the other instance".equals(s.path("lastMessage").path("text").asString("")));
			assertThat(summary.get("unread").asLong()).isEqualTo(1);
			assertThat(summary.get("online").asInt()).isEqualTo(2);

			b.kill();
			Awaitility.await()
				.atMost(Duration.ofSeconds(15))
				.until(() -> PresenceEndToEndTests.snapshots(atAlice),
						(snapshots) -> snapshots.size() == 3 && snapshots.get(2).equals(List.of(alice.username())));
		}
	}

	private static void awaitRegistryOf(ConfigurableApplicationContext instance, String username) {
		SimpUserRegistry registry = instance.getBean(SimpUserRegistry.class);
		Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> registry.getUser(username) != null);
	}

}
