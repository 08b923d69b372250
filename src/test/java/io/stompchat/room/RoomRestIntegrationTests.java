package io.stompchat.room;

import java.net.http.HttpResponse;
import java.util.UUID;

import io.stompchat.support.ChatUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/rooms}: creating, listing and reading rooms, and every refusal as a problem
 * detail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RoomRestIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	ChatUser user;

	String unique;

	@BeforeEach
	void setUp() {
		this.user = ChatUser.signUp(this.port, "roomer");
		this.unique = UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void generalExistsOnAFreshInstall() {
		JsonNode general = this.user.getJson("/api/rooms/general");
		assertThat(general.get("id").asString()).isEqualTo("general");
		assertThat(general.get("name").asString()).isEqualTo("General");
		assertThat(general.has("lastMessage")).isTrue();
		assertThat(general.get("unread").asLong()).isZero();
		assertThat(general.has("online")).isTrue();
	}

	@Test
	void aCreatedRoomIsAnsweredWithLocationAndListedFirst() {
		String id = "club-" + this.unique;
		HttpResponse<String> created = create(
				"{\"name\": \"  Book club " + this.unique + "  \", \"id\": \"" + id + "\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/rooms/" + id);
		JsonNode room = this.json.readTree(created.body());
		assertThat(room.get("id").asString()).isEqualTo(id);
		assertThat(room.get("name").asString()).isEqualTo("Book club " + this.unique);
		assertThat(room.get("kind").asString()).isEqualTo("PUBLIC");
		assertThat(room.get("members").asLong()).isEqualTo(1);
		// the creator's JOIN, the room's first line
		assertThat(room.get("lastMessage").get("type").asString()).isEqualTo("JOIN");
		assertThat(room.get("lastMessage").get("sender").asString()).isEqualTo(this.user.username());
		assertThat(this.user.getJson("/api/rooms/" + id).get("name").asString()).isEqualTo("Book club " + this.unique);
		assertThat(this.user.getJson("/api/rooms").get(0).get("id").asString()).isEqualTo(id);
	}

	@Test
	void theListCountsMembersAsTheyJoinAndLeave() {
		String id = this.user.createRoom("count");
		ChatUser other = ChatUser.signUp(this.port, "counted");
		String members = "/api/rooms/" + id + "/members";
		assertThat(other.postJson(members, "{\"username\": \"" + other.username() + "\"}").statusCode()).isEqualTo(201);
		assertThat(membersInList(this.user, id)).isEqualTo(2);
		assertThat(membersInList(other, id)).isEqualTo(2);
		assertThat(other.delete(members + "/" + other.username()).statusCode()).isEqualTo(204);
		assertThat(membersInList(this.user, id)).isEqualTo(1);
		assertThat(this.user.getJson("/api/rooms/" + id).get("members").asLong()).isEqualTo(1);
	}

	private static long membersInList(ChatUser user, String roomId) {
		for (JsonNode room : user.getJson("/api/rooms")) {
			if (room.get("id").asString().equals(roomId)) {
				return room.get("members").asLong();
			}
		}
		throw new AssertionError(roomId + " is not in " + user.username() + "'s list");
	}

	@Test
	void aTakenIdOrNameIsAConflict() {
		String id = "taken-" + this.unique;
		assertThat(create("{\"name\": \"Taken " + this.unique + "\", \"id\": \"" + id + "\"}").statusCode())
			.isEqualTo(201);
		assertConflict(create("{\"name\": \"Other " + this.unique + "\", \"id\": \"" + id + "\"}"));
		assertConflict(create("{\"name\": \"TAKEN " + this.unique + "\"}"));
		assertConflict(create("{\"name\": \"Ｔａｋｅｎ " + this.unique + "\"}"));
	}

	@Test
	void anUnknownRoomIsNotFound() {
		HttpResponse<String> response = this.user.get("/api/rooms/no-such-room-" + this.unique);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(response.body()).get("status").asInt()).isEqualTo(404);
	}

	private HttpResponse<String> create(String body) {
		return this.user.postJson("/api/rooms", body);
	}

	private void assertConflict(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(this.json.readTree(response.body()).get("status").asInt()).isEqualTo(409);
	}

}
