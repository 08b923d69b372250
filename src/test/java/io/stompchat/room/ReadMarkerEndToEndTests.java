package io.stompchat.room;

import java.util.List;
import java.util.Map;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.stompchat.support.StompTestClient.chat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read markers and unread counts through real STOMP clients and the REST room list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadMarkerEndToEndTests {

	@LocalServerPort
	int port;

	ChatUser alice;

	ChatUser bob;

	String roomId;

	@BeforeEach
	void setUp() {
		this.alice = ChatUser.signUp(this.port, "alice");
		this.bob = ChatUser.signUp(this.port, "bob");
		this.roomId = this.alice.createRoom("read");
	}

	@Test
	void theMarkerNeverMovesBackwardsNorPastTheLastMessage() throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET);
				StompTestClient b = StompTestClient.connect(this.bob, Transport.WEBSOCKET)) {
			Inbox topic = a.subscribeRoom(this.roomId);
			a.send(room("join"));
			b.send(room("join"));
			for (int i = 1; i <= 3; i++) {
				b.send(room("chat"), chat("line " + i, null));
			}
			topic.await(seq(5));
			assertThat(unread(this.alice)).isEqualTo(3);
			a.send(room("read"), Map.of("seq", 4));
			a.send(room("read"), Map.of("seq", 2));
			// a frame of alice's own after the reads: once it is back, the reads were
			// handled
			a.send(room("chat"), chat("barrier", null));
			topic.await(seq(6));
			assertThat(unread(this.alice)).isEqualTo(1);
			a.send(room("read"), Map.of("seq", 999));
			a.send(room("chat"), chat("barrier", null));
			topic.await(seq(7));
			b.send(room("chat"), chat("after the end", null));
			topic.await(seq(8));
			assertThat(unread(this.alice)).isEqualTo(1);
		}
	}

	@Test
	void unreadCountsOnlyOtherUsersChatAfterTheMarker() throws Exception {
		ChatUser carol = ChatUser.signUp(this.port, "carol");
		try (StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET);
				StompTestClient b = StompTestClient.connect(this.bob, Transport.WEBSOCKET);
				StompTestClient c = StompTestClient.connect(carol, Transport.WEBSOCKET)) {
			Inbox topic = a.subscribeRoom(this.roomId);
			a.send(room("join"));
			a.send(room("chat"), chat("mine", null));
			a.send(room("chat"), chat("mine too", null));
			topic.await(seq(3));
			b.send(room("join"));
			b.send(room("chat"), chat("theirs", null));
			topic.await(seq(5));
			c.send(room("join"));
			c.send(room("leave"));
			topic.await(seq(7));
			b.send(room("leave"));
			topic.await(seq(8));
			assertThat(unread(this.alice)).isEqualTo(1);
			assertThat(unread(this.bob)).isZero();
			assertThat(unread(carol)).isZero();
		}
	}

	@Test
	void aRoomNeverJoinedShowsNoUnread() throws Exception {
		ChatUser carol = ChatUser.signUp(this.port, "carol");
		try (StompTestClient b = StompTestClient.connect(this.bob, Transport.WEBSOCKET)) {
			Inbox topic = b.subscribeRoom(this.roomId);
			b.send(room("join"));
			b.send(room("chat"), chat("anyone?", null));
			topic.await(seq(2));
			assertThat(unread(carol)).isZero();
			// rooms are listed only to members; a PUBLIC room still answers its readers
			assertThat(carol.getJson("/api/rooms")).extracting((r) -> r.get("id").asString())
				.doesNotContain(this.roomId);
			JsonNode room = carol.getJson("/api/rooms/" + this.roomId);
			assertThat(room.get("mentions").asLong()).isZero();
			assertThat(room.get("lastMessage").get("text").asString()).isEqualTo("anyone?");
		}
	}

	@Test
	void badReadsAreRefusedAndTheSessionKeepsWorking() throws Exception {
		try (StompTestClient a = StompTestClient.connect(this.alice, Transport.WEBSOCKET)) {
			Inbox errors = a.subscribe("/user/queue/errors");
			Inbox topic = a.subscribeRoom(this.roomId);
			a.sendRaw(room("read"), "{}");
			a.sendRaw(room("read"), "{\"seq\": -1}");
			a.sendRaw(room("read"), "{\"seq\": \"seven\"}");
			a.sendRaw(room("read"), "not json");
			a.sendRaw("/app/room.no-such-room.read", "{\"seq\": 1}");
			List<JsonNode> refused = errors.awaitCount(5);
			assertThat(refused).extracting((e) -> e.get("status").asInt()).containsExactly(400, 400, 400, 400, 404);
			assertThat(refused.get(0).get("error").asString()).isEqualTo("invalid_read");
			assertThat(refused.get(0).get("destination").asString()).isEqualTo(room("read"));
			// the room opened with alice's JOIN (seq 1); a member's join stores nothing
			a.send(room("join"));
			a.send(room("chat"), chat("still here", null));
			topic.await(seq(2));
			assertThat(a.problems()).isEmpty();
		}
	}

	private long unread(ChatUser user) {
		return user.getJson("/api/rooms/" + this.roomId).get("unread").asLong();
	}

	private String room(String command) {
		return "/app/room." + this.roomId + "." + command;
	}

	private static java.util.function.Predicate<JsonNode> seq(long seq) {
		return (m) -> m.path("seq").asLong(0) == seq;
	}

}
