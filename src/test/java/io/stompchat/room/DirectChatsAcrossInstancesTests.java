package io.stompchat.room;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.RelayPair;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Direct chats on two server instances behind a real ActiveMQ Artemis, sharing one
 * database: both users asking for their chat at once, on different instances, get one
 * room; they talk in it across the broker, one over WebSocket and one over SockJS; and
 * entering it again and again stores nothing.
 */
class DirectChatsAcrossInstancesTests {

	static final JsonMapper json = JsonMapper.builder().build();

	static RelayPair relay;

	@BeforeAll
	static void start() throws Exception {
		relay = RelayPair.start("relay-direct");
	}

	@AfterAll
	static void stop() throws Exception {
		RelayPair.close(relay);
	}

	@Test
	void concurrentRequestsOnBothInstancesGiveOneRoomInWhichBothTalk() throws Exception {
		ChatUser ann = ChatUser.signUp(relay.portOne(), "ann");
		ChatUser ben = ChatUser.signUp(relay.portTwo(), "ben");
		List<Callable<HttpResponse<String>>> requests = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			requests.add(() -> ann.postJson("/api/direct", "{\"username\": \"" + ben.username() + "\"}"));
			requests.add(() -> ben.postJson("/api/direct", "{\"username\": \"" + ann.username() + "\"}"));
		}
		List<HttpResponse<String>> answers = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(requests.size());
		try {
			for (Future<HttpResponse<String>> answer : pool.invokeAll(requests)) {
				answers.add(answer.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(answers).extracting(HttpResponse::statusCode).allMatch((status) -> status == 200 || status == 201);
		assertThat(answers).extracting(HttpResponse::statusCode).as("created once").containsOnlyOnce(201);
		List<String> ids = answers.stream().map((answer) -> json.readTree(answer.body()).get("id").asString()).toList();
		String roomId = ids.get(0);
		assertThat(ids).as("one room for the pair").containsOnly(roomId);
		assertThat(directRooms(ann)).containsExactly(roomId);
		assertThat(directRooms(ben)).containsExactly(roomId);

		try (StompTestClient a = StompTestClient.connect(ann, Transport.WEBSOCKET);
				StompTestClient b = StompTestClient.connect(ben, Transport.XHR_STREAMING)) {
			Inbox atAnn = a.subscribeRoom(roomId);
			Inbox atBen = b.subscribeRoom(roomId);
			for (int i = 0; i < 3; i++) {
				a.send("/app/room." + roomId + ".join");
				b.send("/app/room." + roomId + ".join");
			}
			a.send("/app/room." + roomId + ".chat", StompTestClient.chat("hello ben", "d-1"));
			atBen.await((m) -> "hello ben".equals(m.path("text").asString()));
			b.send("/app/room." + roomId + ".chat", StompTestClient.chat("hello ann", "d-2"));
			atAnn.await((m) -> "hello ann".equals(m.path("text").asString()));
		}
		JsonNode history = ann.getJson("/api/rooms/" + roomId + "/messages");
		assertThat(history.get("messages")
			.valueStream()
			.map((m) -> m.get("type").asString() + " " + m.get("sender").asString()))
			.as("a direct room has no JOIN lines, and entering it stores nothing")
			.containsExactly("CHAT " + ann.username(), "CHAT " + ben.username());
	}

	private static List<String> directRooms(ChatUser user) {
		return StreamSupport.stream(user.getJson("/api/rooms").spliterator(), false)
			.filter((room) -> "DIRECT".equals(room.path("kind").asString()))
			.map((room) -> room.get("id").asString())
			.toList();
	}

}
