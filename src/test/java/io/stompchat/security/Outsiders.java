package io.stompchat.security;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an outsider case runs against: an owner and a member sharing a {@code PRIVATE}
 * group, their {@code DIRECT} chat and a {@code PUBLIC} room, all fresh; an outsider who
 * belongs to none of them (on the second instance, when there are two); and the owner's
 * watch on every room, which sees whatever the server broadcasts to it.
 */
final class Outsiders implements AutoCloseable {

	private static final AtomicInteger counter = new AtomicInteger();

	private static final Duration QUIET = Duration.ofMillis(500);

	final ChatUser owner;

	final ChatUser member;

	final ChatUser outsider;

	final String privateRoom;

	final String directRoom;

	final String publicRoom;

	private StompTestClient watcher;

	private final Map<String, Inbox> watched = new HashMap<>();

	private final Map<String, List<JsonNode>> before = new HashMap<>();

	private final Map<String, Long> firstLines = new HashMap<>();

	private Outsiders(ChatUser owner, ChatUser member, ChatUser outsider, String privateRoom, String directRoom,
			String publicRoom) {
		this.owner = owner;
		this.member = member;
		this.outsider = outsider;
		this.privateRoom = privateRoom;
		this.directRoom = directRoom;
		this.publicRoom = publicRoom;
	}

	/**
	 * Creates the people and their rooms over REST, as the contract tells a client to.
	 * @param port the owner's and the member's server
	 * @param otherPort the outsider's server (the same one, or a second instance)
	 * @return the fixture, not yet watching
	 */
	static Outsiders create(int port, int otherPort) {
		ChatUser owner = ChatUser.signUp(port, "owner");
		ChatUser member = ChatUser.signUp(port, "member");
		ChatUser outsider = ChatUser.signUp(otherPort, "outsider");
		String prefix = "out-" + ProcessHandle.current().pid() % 1000 + "-" + counter.incrementAndGet();
		String privateRoom = created(
				owner
					.postJson("/api/rooms",
							RawStomp.json.writeValueAsString(Map.of("name", "Secret " + prefix, "id",
									prefix + "-private", "kind", "PRIVATE", "members", List.of(member.username())))),
				201);
		String directRoom = created(
				owner.postJson("/api/direct", RawStomp.json.writeValueAsString(Map.of("username", member.username()))),
				201);
		String publicRoom = owner.createRoom(prefix + "-public", "Open " + prefix);
		return new Outsiders(owner, member, outsider, privateRoom, directRoom, publicRoom);
	}

	private static String created(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		return RawStomp.json.readTree(response.body()).get("id").asString();
	}

	/**
	 * The room of a kind.
	 * @param kind PRIVATE, DIRECT or PUBLIC
	 * @return its id
	 */
	String room(String kind) {
		return switch (kind) {
			case "PRIVATE" -> this.privateRoom;
			case "DIRECT" -> this.directRoom;
			default -> this.publicRoom;
		};
	}

	/**
	 * An id no room has, for comparing answers with a room that does not exist.
	 * @param roomId a room's id
	 * @return an unknown id of the same shape
	 */
	static String unknown(String roomId) {
		return "nx-" + roomId;
	}

	/**
	 * Connects the owner over WebSocket, subscribed to every room's topic, and takes note
	 * of every room's history.
	 * @return this fixture, watching
	 */
	Outsiders watch() throws Exception {
		this.watcher = StompTestClient.connect(this.owner, Transport.WEBSOCKET);
		for (String room : List.of(this.privateRoom, this.directRoom, this.publicRoom)) {
			Inbox topic = this.watcher.subscribeRoom(room);
			String line = "first line of " + room;
			this.watcher.send("/app/room." + room + ".chat", StompTestClient.chat(line, null));
			this.firstLines.put(room, topic.await((m) -> line.equals(m.path("text").asString())).get("seq").asLong());
			this.watched.put(room, this.watcher.subscribeRoom(room));
			this.before.put(room, stored(room));
		}
		return this;
	}

	/**
	 * The seq of the owner's first CHAT in the room, posted when the watch began: what a
	 * change (edit, delete, react) would target.
	 * @param roomId the room
	 * @return its seq
	 */
	long firstLine(String roomId) {
		return this.firstLines.get(roomId);
	}

	/**
	 * A room's history as its owner reads it over REST.
	 * @param roomId the room
	 * @return every stored message, in order
	 */
	List<JsonNode> stored(String roomId) {
		HttpResponse<String> response = this.owner.get("/api/rooms/" + roomId + "/messages?limit=200");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return List.copyOf(RawStomp.json.readTree(response.body()).get("messages").valueStream().toList());
	}

	/**
	 * The room's history is what it was when the watch began.
	 * @param roomId the room
	 */
	void assertNothingStored(String roomId) {
		assertThat(stored(roomId)).as("stored in " + roomId).isEqualTo(this.before.get(roomId));
	}

	/**
	 * Nothing was stored in the room, and nothing about the outsider was broadcast on its
	 * topic: the owner posts a line after the attack, and when it reaches the watch,
	 * nothing before it named the outsider.
	 * @param roomId the room
	 * @return the owner's line, which later checks can wait for elsewhere
	 */
	String assertNothingStoredOrSent(String roomId) {
		assertNothingStored(roomId);
		String line = ownerSays(roomId);
		Inbox topic = this.watched.get(roomId);
		assertThat(topic.all()).as("broadcast on " + roomId)
			.noneMatch((m) -> m.toString().contains("\"" + this.outsider.username() + "\""));
		assertThat(topic.messages()).as("stored events broadcast on " + roomId)
			.extracting((m) -> m.path("text").asString())
			.containsExactly(line);
		return line;
	}

	/**
	 * The owner posts a new line in the room, and waits until it is broadcast.
	 * @param roomId the room
	 * @return the line
	 */
	String ownerSays(String roomId) {
		String line = "after the attack " + counter.incrementAndGet();
		this.watcher.send("/app/room." + roomId + ".chat", StompTestClient.chat(line, null));
		this.watched.get(roomId).await((m) -> line.equals(m.path("text").asString()));
		return line;
	}

	/**
	 * The outsider is not a member: the owner's member list does not name them.
	 * @param roomId the room
	 */
	void assertNotAMember(String roomId) {
		JsonNode members = this.owner.getJson("/api/rooms/" + roomId + "/members");
		assertThat(members.valueStream().map((m) -> m.get("username").asString()))
			.doesNotContain(this.outsider.username());
	}

	/**
	 * The outsider, connected over the transport of the case, with its error queue and
	 * its lobby feed in place.
	 * @param transport the transport
	 * @return the outsider's connection
	 */
	Outsider connectOutsider(Transport transport) throws Exception {
		StompTestClient client = StompTestClient.connect(this.outsider, transport);
		Inbox errors = client.subscribeInPlace("/user/queue/errors", this.publicRoom);
		Inbox lobby = client.subscribeInPlace("/user/queue/rooms", this.publicRoom);
		return new Outsider(client, errors, lobby);
	}

	/**
	 * A DELETE with the user's session and CSRF token.
	 * @param user the user
	 * @param path the path
	 * @return the answer
	 */
	static HttpResponse<String> delete(ChatUser user, String path) {
		return Http.send(
				Http.request(user.port(), path, Map.of("Cookie", user.cookieHeader(), "X-CSRF-TOKEN", user.csrfToken()))
					.DELETE());
	}

	@Override
	public void close() {
		if (this.watcher != null) {
			this.watcher.close();
		}
	}

	/**
	 * The outsider's connection.
	 *
	 * @param client the STOMP client
	 * @param errors what arrives on {@code /user/queue/errors}
	 * @param lobby what arrives on {@code /user/queue/rooms}
	 */
	record Outsider(StompTestClient client, Inbox errors, Inbox lobby) implements AutoCloseable {

		/**
		 * Waits for the refusal of a frame to the destination.
		 * @param destination the refused destination
		 * @param status the expected status
		 * @return the refusal
		 */
		JsonNode awaitRefusal(String destination, int status) {
			JsonNode refusal = this.errors.await((e) -> destination.equals(e.path("destination").asString()));
			assertThat(refusal.get("status").asInt()).as(refusal.toString()).isEqualTo(status);
			return refusal;
		}

		/**
		 * Nothing arrives on the subscription, now or in a while.
		 * @param inbox the subscription
		 */
		static void assertNothingDelivered(Inbox inbox) {
			assertNothingDelivered(inbox, (m) -> true);
		}

		/**
		 * Nothing that matches arrives on the subscription, now or in a while.
		 * @param inbox the subscription
		 * @param payload what must not arrive
		 */
		static void assertNothingDelivered(Inbox inbox, Predicate<JsonNode> payload) {
			Awaitility.await()
				.during(QUIET)
				.atMost(QUIET.multipliedBy(4))
				.alias("nothing on " + inbox)
				.until(() -> inbox.all().stream().noneMatch(payload));
		}

		/**
		 * The connection is still open and served: the outsider reads the public room's
		 * history, and their lobby never heard of the room.
		 * @param fixture the fixture
		 * @param roomId the room the outsider may not read
		 */
		void assertStillServed(Outsiders fixture, String roomId) {
			assertThat(this.client.isConnected()).as("connected, problems " + this.client.problems()).isTrue();
			this.client.subscribe("/app/room." + fixture.publicRoom + ".history").awaitCount(1);
			assertThat(this.client.problems()).isEmpty();
			assertThat(this.lobby.all()).as("lobby").noneMatch((s) -> roomId.equals(s.path("id").asString()));
		}

		@Override
		public void close() {
			this.client.close();
		}

	}

}
