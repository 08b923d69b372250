package io.stompchat.room;

import java.util.Optional;

import io.stompchat.system.HttpSecuritySlice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.matchesPattern;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/rooms} in a web slice: the rules a new room must meet, the answers (201
 * with Location, 400, 404, 409 as problem details) and CSRF, with the repositories
 * mocked. What needs the database is in {@link RoomRestIntegrationTests}.
 */
@WebMvcTest(RoomController.class)
@Import(HttpSecuritySlice.class)
@WithMockUser("roomer")
class RoomControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Rooms rooms;

	@MockitoBean
	RoomSummaries summaries;

	@Test
	void aCreatedRoomIsAnsweredWithLocationAndTheRoom() throws Exception {
		create("{\"name\": \"  Book club  \", \"id\": \"club\"}").andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/rooms/club"))
			.andExpect(jsonPath("$.id").value("club"))
			.andExpect(jsonPath("$.name").value("Book club"))
			.andExpect(jsonPath("$.lastMessage").isEmpty())
			.andExpect(jsonPath("$.unread").value(0));
		verify(this.rooms).saveAndFlush(any(Room.class));
	}

	@Test
	void theIdIsDerivedFromTheNameWhenAbsent() throws Exception {
		create("{\"name\": \"Café Crème\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value("cafe-creme"))
			.andExpect(header().string("Location", "/api/rooms/cafe-creme"));
		create("{\"name\": \"독서 모임\"}").andExpect(status().isCreated()).andExpect(jsonPath("$.id").value("room"));
	}

	@Test
	void aTakenDerivedIdGetsASuffix() throws Exception {
		given(this.rooms.existsById("book-club")).willReturn(true);
		create("{\"name\": \"Book club\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(matchesPattern("book-club-[0-9a-f]{6}")));
	}

	@Test
	void aTakenIdIsAConflict() throws Exception {
		given(this.rooms.existsById("taken")).willReturn(true);
		assertProblem(create("{\"name\": \"Other\", \"id\": \"taken\"}"), 409, "room_exists");
		verify(this.rooms, never()).saveAndFlush(any(Room.class));
	}

	@Test
	void aNameTakenIgnoringCaseAndWidthIsAConflict() throws Exception {
		given(this.rooms.existsByNameKey("taken")).willReturn(true);
		assertProblem(create("{\"name\": \"Ｔａｋｅｎ\"}"), 409, "room_exists");
	}

	@Test
	void eightyCharactersThatExpandUnderNormalizationAreAccepted() throws Exception {
		String name = "\uFDFA".repeat(79) + "x";
		create("{\"name\": \"" + name + "\", \"id\": \"wide\"}").andExpect(status().isCreated());
	}

	@Test
	void aNameOverEightyCharactersIsRefused() throws Exception {
		assertProblem(create("{\"name\": \"" + "x".repeat(81) + "\"}"), 400, "invalid_room");
		create("{\"name\": \"" + "😀".repeat(80) + "\", \"id\": \"emoji\"}").andExpect(status().isCreated());
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"\"}", "{\"name\": \"   \"}", "{}", "{\"name\": \"ok\", \"id\": \"Bad Id\"}",
			"{\"name\": \"ok\", \"id\": \"-dash\"}", "{\"name\": \"ok\", \"id\": \"has.dot\"}",
			"{\"name\": \"ok\", \"id\": \"room*\"}", "not json" })
	void anInvalidRoomIsRefused(String body) throws Exception {
		create(body).andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400));
		verify(this.rooms, never()).saveAndFlush(any(Room.class));
	}

	@Test
	void aStateChangingRequestWithoutTheTokenIsForbidden() throws Exception {
		this.mvc.perform(post("/api/rooms").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"no token\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.error").value("invalid_csrf"));
		verify(this.rooms, never()).saveAndFlush(any(Room.class));
	}

	@Test
	void aRoomIsReadAsTheCallerSeesIt() throws Exception {
		given(this.summaries.forUser("roomer", "general"))
			.willReturn(Optional.of(new RoomSummary("general", "General", null, 3, 2)));
		this.mvc.perform(get("/api/rooms/general"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("general"))
			.andExpect(jsonPath("$.name").value("General"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "no-such-room", "Bad.Id", "UPPER" })
	void anUnknownRoomIsNotFound(String id) throws Exception {
		given(this.summaries.forUser("roomer", id)).willReturn(Optional.empty());
		assertProblem(this.mvc.perform(get("/api/rooms/" + id)), 404, "unknown_room");
	}

	private ResultActions create(String body) throws Exception {
		return this.mvc.perform(post("/api/rooms").with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	private static void assertProblem(ResultActions result, int status, String error) throws Exception {
		result.andExpect(status().is(status))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(status))
			.andExpect(jsonPath("$.error").value(error));
	}

}
