package io.stompchat.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.stompchat.security.Outsiders.Outsider;
import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient.Transport;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static io.stompchat.security.BadInputHttpTests.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user who is not a member of a {@code PRIVATE} or {@code DIRECT} room tries every door
 * to it, and a non-member tries to write to a {@code PUBLIC} room: each case asserts the
 * contract's answer (a room the caller may not read is answered exactly like one that
 * does not exist), that nothing was stored or broadcast, and that the connection stays
 * open. The STOMP cases run over native WebSocket and SockJS xhr-streaming; every case
 * runs on the in-memory broker ({@link BadInputOutsiderTests}) and through the broker
 * relay to Artemis with the outsider on a second instance
 * ({@link BadInputOutsiderRelayTests}). See docs/SECURITY.md.
 */
abstract class OutsiderScenarios {

	private static final List<String> PRIVATE_KINDS = List.of("PRIVATE", "DIRECT");

	/**
	 * The server of the owner and the member.
	 * @return its port
	 */
	abstract int port();

	/**
	 * The server of the outsider; by default the same.
	 * @return its port
	 */
	int otherPort() {
		return port();
	}

	@ParameterizedTest(name = "{0} over {1}")
	@MethodSource("io.stompchat.security.OutsiderScenarios#stomp")
	void outsidersAreRefusedOverStomp(StompCase badInput, Transport transport) throws Exception {
		try (Outsiders rooms = Outsiders.create(port(), otherPort()).watch();
				Outsider outsider = rooms.connectOutsider(transport)) {
			badInput.attack().run(rooms, outsider);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.stompchat.security.OutsiderScenarios#rest")
	void outsidersAreRefusedOverHttp(RestCase badInput) throws Exception {
		try (Outsiders rooms = Outsiders.create(port(), otherPort()).watch()) {
			badInput.attack().run(rooms);
		}
	}

	static Stream<Arguments> stomp() {
		List<StompCase> cases = new ArrayList<>();
		for (String kind : PRIVATE_KINDS) {
			cases.add(new StompCase("SUBSCRIBE to a " + kind + " room's topic",
					(c, o) -> refusedSubscription(c, o, kind, "/topic/room." + c.room(kind))));
			cases.add(new StompCase("SUBSCRIBE to a " + kind + " room's history",
					(c, o) -> refusedSubscription(c, o, kind, "/app/room." + c.room(kind) + ".history")));
			for (Map.Entry<String, String> send : Map
				.of("join", "{}", "chat", "{\"text\":\"intruder\"}", "leave", "{}", "typing", "{\"typing\":true}",
						"read", "{\"seq\":1}")
				.entrySet()) {
				cases.add(new StompCase("SEND " + send.getKey() + " to a " + kind + " room",
						(c, o) -> refusedSend(c, o, kind, send.getKey(), send.getValue())));
			}
			for (String change : List.of("edit", "delete", "react")) {
				cases.add(new StompCase("SEND " + change + " to a " + kind + " room is answered as for no room",
						(c, o) -> refusedChange(c, o, kind, change)));
			}
		}
		for (String action : List.of("chat", "typing", "read", "leave")) {
			cases.add(new StompCase("SEND " + action + " to a PUBLIC room without joining",
					(c, o) -> notAMember(c, o, action)));
		}
		cases.add(new StompCase("join of a PUBLIC room is allowed and makes a member", OutsiderScenarios::joinPublic));
		cases.add(new StompCase("SUBSCRIBE to a PUBLIC room's topic without joining is allowed",
				OutsiderScenarios::readPublic));
		cases.add(new StompCase("a removed member's live subscription stops at once",
				(c, o) -> membershipEnds(c, o, true)));
		cases.add(new StompCase("a member who left gets nothing more", (c, o) -> membershipEnds(c, o, false)));
		return cases.stream()
			.flatMap((c) -> Stream.of(Transport.WEBSOCKET, Transport.XHR_STREAMING).map((t) -> Arguments.of(c, t)));
	}

	static Stream<RestCase> rest() {
		List<RestCase> cases = new ArrayList<>();
		for (String kind : PRIVATE_KINDS) {
			cases.add(new RestCase("GET a " + kind + " room", (c) -> readLikeUnknown(c, kind, "/api/rooms/%s")));
			cases.add(new RestCase("GET a " + kind + " room's messages",
					(c) -> readLikeUnknown(c, kind, "/api/rooms/%s/messages")));
			cases.add(new RestCase("GET a " + kind + " room's messages after 0",
					(c) -> readLikeUnknown(c, kind, "/api/rooms/%s/messages?after=0")));
			cases.add(new RestCase("GET a " + kind + " room's members",
					(c) -> readLikeUnknown(c, kind, "/api/rooms/%s/members")));
			cases.add(new RestCase("adding themself to a " + kind + " room", (c) -> {
				String body = RawStomp.json.writeValueAsString(Map.of("username", c.outsider.username()));
				assertLikeUnknown(c.room(kind), (id) -> c.outsider.postJson("/api/rooms/" + id + "/members", body));
				assertUntouched(c, kind);
			}));
			cases.add(new RestCase("removing the owner of a " + kind + " room", (c) -> {
				assertLikeUnknown(c.room(kind),
						(id) -> Outsiders.delete(c.outsider, "/api/rooms/" + id + "/members/" + c.owner.username()));
				assertUntouched(c, kind);
				assertThat(members(c, kind)).contains(c.owner.username(), c.member.username());
			}));
			cases.add(new RestCase("the page of a " + kind + " room", (c) -> {
				HttpResponse<String> page = c.outsider.get("/rooms/" + c.room(kind));
				HttpResponse<String> none = c.outsider.get("/rooms/" + Outsiders.unknown(c.room(kind)));
				assertThat(none.statusCode()).isEqualTo(404);
				assertThat(page.statusCode()).isEqualTo(none.statusCode());
				assertThat(page.body()).doesNotContain(c.owner.username()).doesNotContain("first line of");
				assertUntouched(c, kind);
			}));
			cases.add(new RestCase("a " + kind + " room is in no list of the outsider", (c) -> {
				assertThat(c.outsider.get("/api/rooms").body()).doesNotContain("\"" + c.room(kind) + "\"");
				assertThat(c.outsider.get("/api/rooms/public").body()).doesNotContain("\"" + c.room(kind) + "\"");
				assertThat(c.outsider.get("/api/rooms/public?q=Secret").body())
					.doesNotContain("\"" + c.room(kind) + "\"");
				assertUntouched(c, kind);
			}));
		}
		cases.add(new RestCase("a member removing the owner of a PRIVATE room", (c) -> {
			HttpResponse<String> removed = Outsiders.delete(c.member,
					"/api/rooms/" + c.privateRoom + "/members/" + c.owner.username());
			assertProblem(removed, 403, null);
			c.assertNothingStoredOrSent(c.privateRoom);
			JsonNode owner = c.owner.getJson("/api/rooms/" + c.privateRoom + "/members").get(0);
			assertThat(owner.get("username").asString()).isEqualTo(c.owner.username());
			assertThat(owner.get("role").asString()).isEqualTo("OWNER");
		}));
		cases.add(new RestCase("guessing DIRECT room ids", OutsiderScenarios::guessDirect));
		return cases.stream();
	}

	private static void refusedSubscription(Outsiders c, Outsider o, String kind, String destination) {
		String room = c.room(kind);
		Inbox subscription = o.client().subscribe(destination);
		JsonNode refusal = o.awaitRefusal(destination, 404);
		assertThat(refusal.get("error").asString()).isEqualTo("unknown_room");
		c.assertNothingStoredOrSent(room);
		Outsider.assertNothingDelivered(subscription);
		o.assertStillServed(c, room);
	}

	private static void refusedSend(Outsiders c, Outsider o, String kind, String action, String body) {
		String room = c.room(kind);
		String destination = "/app/room." + room + "." + action;
		o.client().sendRaw(destination, body);
		JsonNode refusal = o.awaitRefusal(destination, 404);
		assertThat(refusal.get("error").asString()).isEqualTo("unknown_room");
		assertSameRefusal(refusal, refusalForNoRoom(o, action, body));
		c.assertNothingStoredOrSent(room);
		c.assertNotAMember(room);
		o.assertStillServed(c, room);
	}

	/**
	 * edit, delete and react: until the message lifecycle serves them, every room answers
	 * 404 unknown_destination; then 404 unknown_room. Either way the same as for a room
	 * that does not exist, and nothing is stored.
	 */
	private static void refusedChange(Outsiders c, Outsider o, String kind, String change) {
		String room = c.room(kind);
		long seq = c.firstLine(room);
		String body = switch (change) {
			case "edit" -> "{\"seq\":" + seq + ",\"text\":\"defaced\"}";
			case "react" -> "{\"seq\":" + seq + ",\"emoji\":\"\\ud83d\\udc4e\"}";
			default -> "{\"seq\":" + seq + "}";
		};
		String destination = "/app/room." + room + "." + change;
		o.client().sendRaw(destination, body);
		JsonNode refusal = o.awaitRefusal(destination, 404);
		assertSameRefusal(refusal, refusalForNoRoom(o, change, body));
		c.assertNothingStoredOrSent(room);
		o.assertStillServed(c, room);
	}

	private static JsonNode refusalForNoRoom(Outsider o, String action, String body) {
		String destination = "/app/room." + Outsiders.unknown("x") + "." + action;
		o.client().sendRaw(destination, body);
		return o.awaitRefusal(destination, 404);
	}

	private static void assertSameRefusal(JsonNode refusal, JsonNode forNoRoom) {
		assertThat(refusal.get("status")).isEqualTo(forNoRoom.get("status"));
		assertThat(refusal.get("error")).isEqualTo(forNoRoom.get("error"));
		assertThat(refusal.get("detail")).isEqualTo(forNoRoom.get("detail"));
	}

	private static void notAMember(Outsiders c, Outsider o, String action) {
		String body = switch (action) {
			case "chat" -> "{\"text\":\"not yet a member\"}";
			case "typing" -> "{\"typing\":true}";
			case "read" -> "{\"seq\":" + c.firstLine(c.publicRoom) + "}";
			default -> "{}";
		};
		String destination = "/app/room." + c.publicRoom + "." + action;
		o.client().sendRaw(destination, body);
		JsonNode refusal = o.awaitRefusal(destination, 403);
		assertThat(refusal.get("error").asString()).isEqualTo("not_a_member");
		c.assertNothingStoredOrSent(c.publicRoom);
		c.assertNotAMember(c.publicRoom);
		o.assertStillServed(c, c.publicRoom);
	}

	private static void joinPublic(Outsiders c, Outsider o) {
		String username = c.outsider.username();
		String room = "/app/room." + c.publicRoom;
		o.client().send(room + ".join");
		o.client().send(room + ".chat", Map.of("text", "now a member"));
		o.client().send(room + ".join");
		o.client().send(room + ".chat", Map.of("text", "joined once"));
		Awaitility.await()
			.atMost(RawStomp.TIMEOUT)
			.until(() -> c.stored(c.publicRoom)
				.stream()
				.anyMatch((m) -> "joined once".equals(m.path("text").asString())));
		assertThat(c.stored(c.publicRoom)).filteredOn((m) -> username.equals(m.path("sender").asString()))
			.extracting((m) -> m.get("type").asString())
			.containsExactly("JOIN", "CHAT", "CHAT");
		assertThat(c.owner.getJson("/api/rooms/" + c.publicRoom + "/members")
			.valueStream()
			.map((m) -> m.get("username").asString())).contains(username);
		assertThat(o.errors().all()).isEmpty();
	}

	private static void readPublic(Outsiders c, Outsider o) {
		Inbox topic = o.client().subscribeRoom(c.publicRoom);
		String line = c.assertNothingStoredOrSent(c.publicRoom);
		topic.await((m) -> line.equals(m.path("text").asString()));
		assertThat(o.errors().all()).isEmpty();
		c.assertNotAMember(c.publicRoom);
	}

	/**
	 * The outsider is added to the PRIVATE room, reads it live, then is removed (or
	 * leaves): their lobby says so, their subscription gets nothing after the LEAVE, and
	 * the room is unknown to them again.
	 */
	private static void membershipEnds(Outsiders c, Outsider o, boolean byOwner) {
		String room = c.privateRoom;
		String username = c.outsider.username();
		HttpResponse<String> added = c.owner.postJson("/api/rooms/" + room + "/members",
				RawStomp.json.writeValueAsString(Map.of("username", username)));
		assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
		o.lobby().await((s) -> room.equals(s.path("id").asString()));
		Inbox topic = o.client().subscribeRoom(room);
		String before = c.ownerSays(room);
		topic.await((m) -> before.equals(m.path("text").asString()));
		if (byOwner) {
			HttpResponse<String> removed = Outsiders.delete(c.owner, "/api/rooms/" + room + "/members/" + username);
			assertThat(removed.statusCode()).as(removed.body()).isBetween(200, 204);
		}
		else {
			o.client().send("/app/room." + room + ".leave");
		}
		o.lobby().await((s) -> room.equals(s.path("id").asString()) && s.path("removed").asBoolean(false));
		String after = c.ownerSays(room);
		Outsider.assertNothingDelivered(topic, (m) -> after.equals(m.path("text").asString()));
		long left = c.stored(room)
			.stream()
			.filter((m) -> "LEAVE".equals(m.path("type").asString()) && username.equals(m.path("sender").asString()))
			.mapToLong((m) -> m.get("seq").asLong())
			.max()
			.orElseThrow();
		assertThat(topic.messages()).as("nothing delivered after the LEAVE")
			.allMatch((m) -> m.get("seq").asLong() <= left);
		String chat = "/app/room." + room + ".chat";
		o.client().send(chat, Map.of("text", "still here?"));
		assertThat(o.awaitRefusal(chat, 404).get("error").asString()).isEqualTo("unknown_room");
		c.assertNotAMember(room);
		assertThat(c.stored(room)).noneMatch((m) -> "still here?".equals(m.path("text").asString()));
		assertThat(c.outsider.get("/api/rooms/" + room).statusCode()).isEqualTo(404);
	}

	private static void readLikeUnknown(Outsiders c, String kind, String pathFormat) {
		assertLikeUnknown(c.room(kind), (id) -> c.outsider.get(pathFormat.formatted(id)));
		assertUntouched(c, kind);
	}

	/**
	 * The answer for the room is a 404 problem, byte for byte the answer for a room that
	 * does not exist (with the ids swapped).
	 */
	private static void assertLikeUnknown(String roomId, Function<String, HttpResponse<String>> request) {
		String unknown = Outsiders.unknown(roomId);
		HttpResponse<String> answer = request.apply(roomId);
		HttpResponse<String> none = request.apply(unknown);
		assertProblem(none, 404, "unknown_room");
		assertProblem(answer, 404, "unknown_room");
		assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(none.headers().firstValue("Content-Type"));
		assertThat(answer.body().replace(roomId, "{id}")).isEqualTo(none.body().replace(unknown, "{id}"));
	}

	private static void assertUntouched(Outsiders c, String kind) {
		c.assertNothingStoredOrSent(c.room(kind));
		assertThat(members(c, kind)).doesNotContain(c.outsider.username());
	}

	private static List<String> members(Outsiders c, String kind) {
		return c.owner.getJson("/api/rooms/" + c.room(kind) + "/members")
			.valueStream()
			.map((m) -> m.get("username").asString())
			.toList();
	}

	/**
	 * A third user cannot find the direct room of two others by its id, nor by ids made
	 * of their names; asking for a direct chat with one of them gives a room of their
	 * own.
	 */
	private static void guessDirect(Outsiders c) {
		String owner = slug(c.owner);
		String member = slug(c.member);
		assertThat(c.directRoom).as("a direct room's id names neither user")
			.doesNotContain(owner)
			.doesNotContain(member);
		List<String> guesses = List.of(c.directRoom, owner + "-" + member, member + "-" + owner,
				"dm-" + owner + "-" + member, "dm-" + member + "-" + owner, "direct-" + owner + "-" + member,
				"direct-" + member + "-" + owner);
		for (String guess : guesses) {
			if (guess.equals(c.directRoom) || isRoom(c.owner, guess)) {
				assertLikeUnknown(guess, (id) -> c.outsider.get("/api/rooms/" + id + "/messages"));
			}
			else {
				assertProblem(c.outsider.get("/api/rooms/" + guess + "/messages"), 404, "unknown_room");
			}
		}
		HttpResponse<String> own = c.outsider.postJson("/api/direct",
				RawStomp.json.writeValueAsString(Map.of("username", c.member.username())));
		assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
		String ownId = RawStomp.json.readTree(own.body()).get("id").asString();
		assertThat(ownId).isNotEqualTo(c.directRoom);
		assertThat(c.outsider.getJson("/api/rooms/" + ownId + "/members")
			.valueStream()
			.map((m) -> m.get("username").asString()))
			.containsExactlyInAnyOrder(c.outsider.username(), c.member.username());
		assertUntouched(c, "DIRECT");
	}

	private static boolean isRoom(ChatUser reader, String roomId) {
		return reader.get("/api/rooms/" + roomId).statusCode() == 200;
	}

	private static String slug(ChatUser user) {
		return user.username().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-");
	}

	/**
	 * One STOMP case of the table.
	 *
	 * @param name what the case is, as the test report shows it
	 * @param attack sends the bad frames and asserts the answer
	 */
	record StompCase(String name, StompAttack attack) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * One HTTP case of the table.
	 *
	 * @param name what the case is, as the test report shows it
	 * @param attack sends the requests and asserts the answer
	 */
	record RestCase(String name, RestAttack attack) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	@FunctionalInterface
	interface StompAttack {

		void run(Outsiders rooms, Outsider outsider) throws Exception;

	}

	@FunctionalInterface
	interface RestAttack {

		void run(Outsiders rooms) throws Exception;

	}

}
