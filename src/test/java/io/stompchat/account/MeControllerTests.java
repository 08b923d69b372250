package io.stompchat.account;

import io.stompchat.system.HttpSecuritySlice;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/me} and {@code /api/csrf} in a web slice with the application's security.
 */
@WebMvcTest(MeController.class)
@Import(HttpSecuritySlice.class)
class MeControllerTests {

	@Autowired
	MockMvc mvc;

	@Test
	@WithMockUser("Carol_x")
	void meIsTheSignedInName() throws Exception {
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.username").value("Carol_x"));
	}

	@Test
	@WithMockUser("grace")
	void csrfEndpointNamesHeaderParameterAndToken() throws Exception {
		this.mvc.perform(get("/api/csrf"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.headerName").value("X-CSRF-TOKEN"))
			.andExpect(jsonPath("$.parameterName").value("_csrf"))
			.andExpect(jsonPath("$.token").value(not(emptyString())));
	}

	@Test
	void anonymousIsUnauthorizedWithAProblem() throws Exception {
		this.mvc.perform(get("/api/me"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.error").value("unauthorized"));
	}

}
