package io.stompchat.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one bad-input case runs against: a fresh signed-in attacker and a fresh room of
 * their own, so that what a case stored is exactly that room's history.
 */
final class Target {

	private static final AtomicInteger rooms = new AtomicInteger();

	final int port;

	final ChatUser user;

	final String roomId;

	private Target(int port, ChatUser user, String roomId) {
		this.port = port;
		this.user = user;
		this.roomId = roomId;
	}

	static Target create(int port) {
		ChatUser user = ChatUser.signUp(port, "bad");
		String roomId = "bad-" + ProcessHandle.current().pid() % 1000 + "-" + rooms.incrementAndGet();
		user.createRoom(roomId, roomId);
		return new Target(port, user, roomId);
	}

	String chat() {
		return "/app/room." + this.roomId + ".chat";
	}

	/**
	 * The room's history as REST returns it, after the creator's JOIN that opens it.
	 * @return every message stored since
	 */
	List<JsonNode> stored() {
		String path = "/api/rooms/" + this.roomId + "/messages?limit=200";
		HttpResponse<String> response = this.user.get(path);
		if (response.statusCode() == 401) {
			// the case signed the session out: read over HTTP Basic
			String credentials = Base64.getEncoder()
				.encodeToString(
						(this.user.username() + ":password-" + this.user.username()).getBytes(StandardCharsets.UTF_8));
			response = Http.get(this.port, path, Map.of("Authorization", "Basic " + credentials));
		}
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode page = RawStomp.json.readTree(response.body());
		List<JsonNode> messages = page.get("messages").valueStream().toList();
		// the room starts with its creator's JOIN: that one no case stored
		assertThat(messages).isNotEmpty();
		assertThat(messages.get(0).get("type").asString()).isEqualTo("JOIN");
		assertThat(messages.get(0).get("sender").asString()).isEqualTo(this.user.username());
		return List.copyOf(messages.subList(1, messages.size()));
	}

	List<String> storedTexts() {
		return stored().stream().map((m) -> m.path("text").asString(null)).toList();
	}

	/**
	 * A fresh user still signs up, connects and chats: the server did not fall over.
	 */
	void assertStillServes() throws Exception {
		ChatUser witness = ChatUser.signUp(this.port, "witness");
		// a room of its own: a long shared history would outgrow the test client's buffer
		String room = this.roomId + "-w";
		witness.createRoom(room, room);
		try (StompTestClient client = StompTestClient.connect(witness, Transport.WEBSOCKET)) {
			try {
				Inbox topic = client.subscribeRoom(room);
				client.send("/app/room." + room + ".chat",
						StompTestClient.chat("still serving " + witness.username(), null));
				topic.await((m) -> ("still serving " + witness.username()).equals(m.path("text").asString()));
			}
			catch (RuntimeException | AssertionError ex) {
				throw new AssertionError("A fresh user could not chat; connected " + client.isConnected()
						+ ", problems " + client.problems(), ex);
			}
		}
	}

}
