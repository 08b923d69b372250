package io.stompchat.message;

import java.util.concurrent.atomic.AtomicInteger;

import io.stompchat.support.ChatUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/rooms/{id}/messages}: keyset paging at its edges, and a problem detail
 * for every bad parameter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryRestIntegrationTests {

	private static final AtomicInteger rooms = new AtomicInteger();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MessagePosting posting;

	ChatUser alice;

	String roomId;

	@BeforeEach
	void setUp() {
		this.alice = ChatUser.signUp(this.port, "pager");
		this.roomId = "paging-" + rooms.incrementAndGet() + "-" + System.nanoTime() % 100000;
		this.alice.createRoom(this.roomId, this.roomId);
	}

	@Test
	void aNewRoomHoldsOnlyItsCreatorsJoin() {
		JsonNode page = page("");
		assertThat(page.get("messages")).hasSize(1);
		JsonNode join = page.get("messages").get(0);
		assertThat(join.get("seq").asLong()).isEqualTo(1L);
		assertThat(join.get("type").asString()).isEqualTo("JOIN");
		assertThat(join.get("sender").asString()).isEqualTo(this.alice.username());
		assertThat(join.get("by").isNull()).isTrue();
		assertThat(page.get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void exactlyOnePageHasNoMore() {
		// seq 1 is the creator's JOIN
		post(4);
		JsonNode page = page("?limit=5");
		assertThat(seqs(page)).containsExactly(1L, 2L, 3L, 4L, 5L);
		assertThat(page.get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void theLatestPageIsInAscendingOrderWithMoreBeforeIt() {
		post(6);
		JsonNode page = page("?limit=5");
		assertThat(seqs(page)).containsExactly(3L, 4L, 5L, 6L, 7L);
		assertThat(page.get("hasMore").asBoolean()).isTrue();
		JsonNode earlier = page("?before=3&limit=5");
		assertThat(seqs(earlier)).containsExactly(1L, 2L);
		assertThat(earlier.get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void defaultLimitIsFifty() {
		post(50);
		JsonNode page = page("");
		assertThat(page.get("messages")).hasSize(50);
		assertThat(page.get("messages").get(0).get("seq").asLong()).isEqualTo(2L);
		assertThat(page.get("hasMore").asBoolean()).isTrue();
	}

	@Test
	void beforeOneIsEmpty() {
		post(3);
		JsonNode page = page("?before=1");
		assertThat(page.get("messages")).isEmpty();
		assertThat(page.get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void afterTheLastIsEmptyAndAfterPagesForward() {
		post(3);
		JsonNode last = page("?after=4");
		assertThat(last.get("messages")).isEmpty();
		assertThat(last.get("hasMore").asBoolean()).isFalse();
		JsonNode forward = page("?after=1&limit=2");
		assertThat(seqs(forward)).containsExactly(2L, 3L);
		assertThat(forward.get("hasMore").asBoolean()).isTrue();
		JsonNode rest = page("?after=3&limit=2");
		assertThat(seqs(rest)).containsExactly(4L);
		assertThat(rest.get("hasMore").asBoolean()).isFalse();
	}

	@Test
	void messagesHaveTheContractShape() {
		this.posting.chat(this.roomId, this.alice.username(), "héllo <i>wörld</i> 😀", "c-9");
		JsonNode message = page("").get("messages").get(1);
		assertThat(message.get("id").isNumber()).isTrue();
		assertThat(message.get("roomId").asString()).isEqualTo(this.roomId);
		assertThat(message.get("seq").asLong()).isEqualTo(2);
		assertThat(message.get("type").asString()).isEqualTo("CHAT");
		assertThat(message.get("sender").asString()).isEqualTo(this.alice.username());
		assertThat(message.get("text").asString()).isEqualTo("héllo <i>wörld</i> 😀");
		assertThat(message.get("sentAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
		assertThat(message.get("clientId").asString()).isEqualTo("c-9");
	}

	private void post(int count) {
		for (int i = 1; i <= count; i++) {
			this.posting.chat(this.roomId, this.alice.username(), "message " + i, null);
		}
	}

	private JsonNode page(String query) {
		return this.alice.getJson("/api/rooms/" + this.roomId + "/messages" + query);
	}

	private static java.util.List<Long> seqs(JsonNode page) {
		java.util.List<Long> seqs = new java.util.ArrayList<>();
		page.get("messages").forEach((m) -> seqs.add(m.get("seq").asLong()));
		return seqs;
	}

}
