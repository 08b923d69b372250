package io.stompchat.message;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.stompchat.support.ChatUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/search} over stored lines, and deletion erasing words from storage; run
 * on H2 ({@link SearchIntegrationTests}) and on PostgreSQL with its trigram index
 * ({@link SearchPostgresIntegrationTests}).
 */
abstract class SearchScenarios {

	abstract int port();

	abstract MessagePosting posting();

	abstract JdbcTemplate jdbc();

	ChatUser alice;

	String room;

	String otherRoom;

	@BeforeEach
	void setUp() {
		this.alice = ChatUser.signUp(port(), "finder");
		this.room = this.alice.createRoom("search");
		this.otherRoom = this.alice.createRoom("search-other");
	}

	private long post(String roomId, String text) {
		return posting().chat(roomId, this.alice.username(), text, null).orElseThrow().seq();
	}

	private JsonNode search(String query) {
		return this.alice.getJson("/api/search?" + query);
	}

	private static String q(String text) {
		return "q=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static List<String> texts(JsonNode page) {
		return page.get("messages").valueStream().map((m) -> m.get("text").asString()).toList();
	}

	@Test
	void findsASubstringIgnoringCaseInAnyScriptNewestFirst() {
		post(this.room, "Hello World " + this.room);
		post(this.room, "안녕하세요 여러분 " + this.room);
		post(this.otherRoom, "the whole WORLD " + this.room);
		assertThat(texts(search(q("world " + this.room)))).containsExactly("the whole WORLD " + this.room,
				"Hello World " + this.room);
		assertThat(texts(search(q("하세요 여러") + "&room=" + this.room))).containsExactly("안녕하세요 여러분 " + this.room);
		assertThat(texts(search(q("WORLD " + this.room) + "&room=" + this.otherRoom)))
			.containsExactly("the whole WORLD " + this.room);
		JsonNode hit = search(q("hello world " + this.room)).get("messages").get(0);
		assertThat(hit.get("type").asString()).isEqualTo("CHAT");
		assertThat(hit.get("roomId").asString()).isEqualTo(this.room);
		assertThat(hit.get("reactions")).isEmpty();
	}

	@Test
	void wildcardsAreLiteral() {
		post(this.room, "100% sure " + this.room);
		post(this.room, "1000 sure " + this.room);
		post(this.room, "snake_case " + this.room);
		post(this.room, "snakeXcase " + this.room);
		assertThat(texts(search(q("0% sure " + this.room)))).containsExactly("100% sure " + this.room);
		assertThat(texts(search(q("e_c") + "&room=" + this.room))).containsExactly("snake_case " + this.room);
	}

	@Test
	void searchSeesTheCurrentTextAndNeverADeletedLine() {
		long typo = post(this.room, "teh typo " + this.room);
		long gone = post(this.room, "secret words " + this.room);
		posting().edit(this.room, this.alice.username(), typo, "the fixed line " + this.room, null);
		posting().edit(this.room, this.alice.username(), gone, "secret words, edited " + this.room, null);
		assertThat(texts(search(q("teh typo") + "&room=" + this.room))).isEmpty();
		assertThat(texts(search(q("fixed line " + this.room)))).containsExactly("the fixed line " + this.room);
		posting().delete(this.room, this.alice.username(), gone, false, null);
		assertThat(texts(search(q("secret words") + "&room=" + this.room))).isEmpty();
		assertThat(jdbc().queryForObject("select count(*) from messages where text like ?", Integer.class,
				"%secret words%"))
			.as("the words of the line and of its edit, erased from storage")
			.isZero();
		assertThat(jdbc().queryForObject("select count(*) from messages where room_id = ? and target = ?",
				Integer.class, this.room, gone))
			.as("the EDIT and the DELETE events stay in the log")
			.isEqualTo(2);
	}

	@Test
	void pagesByIdNewestFirst() {
		for (int i = 1; i <= 5; i++) {
			post(this.room, "page line " + i + " " + this.room);
		}
		JsonNode first = search(q(this.room) + "&room=" + this.room + "&limit=2");
		assertThat(texts(first)).containsExactly("page line 5 " + this.room, "page line 4 " + this.room);
		assertThat(first.get("hasMore").asBoolean()).isTrue();
		long last = first.get("messages").get(1).get("id").asLong();
		JsonNode second = search(q(this.room) + "&room=" + this.room + "&limit=3&before=" + last);
		assertThat(texts(second)).containsExactly("page line 3 " + this.room, "page line 2 " + this.room,
				"page line 1 " + this.room);
		assertThat(second.get("hasMore").asBoolean()).isFalse();
		assertThat(search(q(this.room) + "&room=" + this.room).get("messages")).hasSize(5);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "q=", "q=a", "q=%20%20", "q=ab&limit=0", "q=ab&limit=51", "q=ab&limit=x",
			"q=ab&before=x", "q=ab&before=-1", "q=ab&before=0" })
	void badParametersAreRefusedWithAProblem(String query) {
		HttpResponse<String> response = this.alice.get("/api/search?" + query);
		assertThat(response.statusCode()).as(query).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void tooLongAQueryIsRefusedAndTheLongestIsServed() {
		assertThat(this.alice.get("/api/search?" + q("가".repeat(101))).statusCode()).isEqualTo(400);
		assertThat(this.alice.get("/api/search?" + q("가".repeat(100))).statusCode()).isEqualTo(200);
	}

	@Test
	void aPrivateRoomOfOthersIsNeverSearchedAndAnsweredLikeAnUnknownOne() {
		ChatUser outsider = ChatUser.signUp(port(), "hider");
		String hidden = "hidden-" + this.room;
		HttpResponse<String> created = outsider.postJson("/api/rooms",
				"{\"id\": \"" + hidden + "\", \"name\": \"" + hidden + "\", \"kind\": \"PRIVATE\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		posting().chat(hidden, outsider.username(), "private words " + this.room, null).orElseThrow();
		post(this.room, "public words " + this.room);
		assertThat(texts(outsider.getJson("/api/search?" + q("private words " + this.room))))
			.containsExactly("private words " + this.room);
		assertThat(texts(search(q("words " + this.room)))).containsExactly("public words " + this.room);
		HttpResponse<String> hiddenRoom = this.alice.get("/api/search?" + q("private words") + "&room=" + hidden);
		HttpResponse<String> unknownRoom = this.alice.get("/api/search?" + q("private words") + "&room=no-such-room");
		assertThat(hiddenRoom.statusCode()).isEqualTo(404);
		assertThat(hiddenRoom.body().replace(hidden, "ROOM"))
			.isEqualTo(unknownRoom.body().replace("no-such-room", "ROOM"));
		assertThat(hiddenRoom.body()).doesNotContain("private words");
	}

	@Test
	void anUnknownRoomIsNotFound() {
		HttpResponse<String> response = this.alice.get("/api/search?q=ab&room=no-such-room");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.alice.get("/api/search?q=ab&room=Bad.Id").statusCode()).isEqualTo(404);
	}

}
