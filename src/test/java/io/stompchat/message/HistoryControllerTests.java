package io.stompchat.message;

import java.time.Instant;
import java.util.List;

import io.stompchat.member.Access;
import io.stompchat.member.RoomAccess;
import io.stompchat.member.RoomKind;
import io.stompchat.system.HttpSecuritySlice;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Limit;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /api/rooms/{id}/messages} in a web slice: every bad parameter and unknown
 * room answered with a problem detail, with the repository mocked. Paging over stored
 * messages is in {@link HistoryRestIntegrationTests}.
 */
@WebMvcTest(HistoryController.class)
@Import({ HttpSecuritySlice.class, MessageHistory.class, MessageViews.class })
@WithMockUser("pager")
class HistoryControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Messages messages;

	@MockitoBean
	MessageReactions reactions;

	@MockitoBean
	RoomAccess access;

	@BeforeEach
	void setUp() {
		given(this.access.of(anyString(), anyString())).willReturn(new Access(Access.Level.NONE, null));
		given(this.access.of("general", "pager")).willReturn(new Access(Access.Level.MEMBER, RoomKind.PUBLIC));
	}

	@ParameterizedTest
	@ValueSource(strings = { "?before=2&after=1", "?before=abc", "?after=x1", "?before=-1", "?after=-5", "?limit=0",
			"?limit=201", "?limit=-1", "?limit=abc", "?before=99999999999999999999999", "?limit=1.5" })
	void badPagingIsRefusedWithAProblem(String query) throws Exception {
		given(this.messages.existsRoom("general")).willReturn(true);
		this.mvc.perform(get("/api/rooms/general/messages" + query))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(content().string(not(containsString("Exception"))))
			.andExpect(content().string(not(containsString("\tat "))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "no-such-room", "Bad.Id", "UPPER", "-leading-dash" })
	void anUnknownRoomIsNotFound(String roomId) throws Exception {
		given(this.messages.existsRoom(anyString())).willReturn(false);
		this.mvc.perform(get("/api/rooms/" + roomId + "/messages"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.error").value("unknown_room"));
	}

	@Test
	void aRoomTheCallerMayNotReadIsNotFoundLikeAnUnknownOne() throws Exception {
		given(this.messages.existsRoom("secret")).willReturn(true);
		this.mvc.perform(get("/api/rooms/secret/messages"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.error").value("unknown_room"));
	}

	@Test
	void theLatestPageIsInAscendingSeqWithMoreBeforeIt() throws Exception {
		given(this.messages.existsRoom("general")).willReturn(true);
		given(this.messages.findByRoomIdOrderBySeqDesc("general", Limit.of(3)))
			.willReturn(List.of(message(9), message(8), message(7)));
		this.mvc.perform(get("/api/rooms/general/messages?limit=2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.messages[0].seq").value(8))
			.andExpect(jsonPath("$.messages[1].seq").value(9))
			.andExpect(jsonPath("$.hasMore").value(true));
	}

	private static ChatMessage message(long seq) {
		return ChatMessage.chat("general", seq, "pager", "message " + seq, Instant.parse("2024-01-01T00:00:00Z"), null,
				null, List.of());
	}

}
