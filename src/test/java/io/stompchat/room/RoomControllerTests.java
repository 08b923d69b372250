package io.stompchat.room;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.stompchat.account.Users;
import io.stompchat.member.Access;
import io.stompchat.member.Role;
import io.stompchat.member.RoomAccess;
import io.stompchat.member.RoomKind;
import io.stompchat.message.RoomMemberships;
import io.stompchat.system.HttpSecuritySlice;
import org.junit.jupiter.api.BeforeEach;
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
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
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

	@MockitoBean
	RoomAccess access;

	@MockitoBean
	RoomMemberships memberships;

	@MockitoBean
	Users users;

	final AtomicReference<Room> saved = new AtomicReference<>();

	@BeforeEach
	void setUp() {
		given(this.access.of(anyString(), anyString())).willReturn(new Access(Access.Level.NONE, null));
		given(this.rooms.saveAndFlush(any(Room.class))).willAnswer((call) -> {
			this.saved.set(call.getArgument(0));
			return call.getArgument(0);
		});
		given(this.summaries.forUser(eq("roomer"), anyString()))
			.willAnswer((call) -> Optional.ofNullable(this.saved.get())
				.filter((room) -> room.getId().equals(call.getArgument(1)))
				.map((room) -> new RoomSummary(room.getId(), room.getName(), room.getKind(), null, 0, 0, 0, 1, null)));
		given(this.users.canonical("Bob")).willReturn(Optional.of("bob"));
	}

	@Test
	void aCreatedRoomIsAnsweredWithLocationAndTheRoom() throws Exception {
		create("{\"name\": \"  Book club  \", \"id\": \"club\"}").andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/rooms/club"))
			.andExpect(jsonPath("$.id").value("club"))
			.andExpect(jsonPath("$.name").value("Book club"))
			.andExpect(jsonPath("$.lastMessage").isEmpty())
			.andExpect(jsonPath("$.unread").value(0));
		verify(this.rooms).saveAndFlush(any(Room.class));
		verify(this.memberships).add("club", "roomer", Role.OWNER, null);
	}

	@Test
	void aPrivateRoomGetsItsMembersAddedByTheCreator() throws Exception {
		create("{\"name\": \"Family\", \"id\": \"family\", \"kind\": \"PRIVATE\", \"members\": [\"Bob\"]}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.kind").value("PRIVATE"));
		verify(this.memberships).add("family", "roomer", Role.OWNER, null);
		verify(this.memberships).add("family", "bob", Role.MEMBER, "roomer");
		verify(this.rooms, never()).existsByNameKey(anyString());
	}

	@Test
	void anUnknownMemberIsNotFoundAndNothingIsCreated() throws Exception {
		assertProblem(create("{\"name\": \"Family\", \"kind\": \"PRIVATE\", \"members\": [\"nobody\"]}"), 404,
				"unknown_user");
		verify(this.rooms, never()).saveAndFlush(any(Room.class));
	}

	@ParameterizedTest
	@ValueSource(strings = { "DIRECT", "public", "SECRET" })
	void aKindOtherThanPublicOrPrivateIsRefused(String kind) throws Exception {
		assertProblem(create("{\"name\": \"Odd\", \"kind\": \"" + kind + "\"}"), 400, "invalid_room");
		verify(this.rooms, never()).saveAndFlush(any(Room.class));
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
		given(this.access.of("general", "roomer")).willReturn(new Access(Access.Level.MEMBER, RoomKind.PUBLIC));
		given(this.summaries.forUser("roomer", "general"))
			.willReturn(Optional.of(new RoomSummary("general", "General", RoomKind.PUBLIC, null, 3, 0, 2, 5, null)));
		this.mvc.perform(get("/api/rooms/general"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value("general"))
			.andExpect(jsonPath("$.name").value("General"))
			.andExpect(jsonPath("$.kind").value("PUBLIC"))
			.andExpect(jsonPath("$.unread").value(3))
			.andExpect(jsonPath("$.members").value(5))
			.andExpect(jsonPath("$.with").doesNotExist());
	}

	@Test
	void aPublicRoomNotJoinedShowsNoCounts() throws Exception {
		given(this.access.of("lounge", "roomer")).willReturn(new Access(Access.Level.READER, RoomKind.PUBLIC));
		given(this.summaries.forUser("roomer", "lounge"))
			.willReturn(Optional.of(new RoomSummary("lounge", "Lounge", RoomKind.PUBLIC, null, 3, 0, 2, 5, null)));
		this.mvc.perform(get("/api/rooms/lounge")).andExpect(status().isOk()).andExpect(jsonPath("$.unread").value(0));
	}

	@Test
	void aRoomTheCallerMayNotReadIsNotFoundLikeAnUnknownOne() throws Exception {
		given(this.summaries.forUser("roomer", "secret"))
			.willReturn(Optional.of(new RoomSummary("secret", "Secret", RoomKind.PRIVATE, null, 3, 0, 2, 5, null)));
		assertProblem(this.mvc.perform(get("/api/rooms/secret")), 404, "unknown_room");
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
