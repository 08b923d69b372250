package io.stompchat.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one shape of an HTTP refusal, written outside Spring MVC.
 */
class ProblemWriterTests {

	@Test
	void aRefusalIsWrittenAsProblemJsonWithItsErrorCode() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		ProblemWriter.write(response, HttpStatus.TOO_MANY_REQUESTS, "login_throttled", "Try again in 5 s.");
		assertThat(response.getStatus()).isEqualTo(429);
		assertThat(MediaType.parseMediaType(response.getContentType())).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = JsonMapper.builder().build().readTree(response.getContentAsString());
		assertThat(problem.get("type").asString()).isEqualTo("about:blank");
		assertThat(problem.get("title").asString()).isEqualTo("Too Many Requests");
		assertThat(problem.get("status").asInt()).isEqualTo(429);
		assertThat(problem.get("detail").asString()).isEqualTo("Try again in 5 s.");
		assertThat(problem.get("error").asString()).isEqualTo("login_throttled");
		assertThat(problem.has("properties")).isFalse();
		assertThat(problem.has("instance")).isFalse();
	}

	@Test
	void aProblemCarriesItsErrorCodeBesideTheStandardFields() {
		assertThat(ProblemWriter.problem(HttpStatus.NOT_FOUND, "unknown_room", "No such room.").getProperties())
			.containsEntry("error", "unknown_room");
	}

	@Test
	void whatSpringMvcRefusesItselfGetsACodeToo() {
		assertThat(ProblemWriter.errorFor(
				new HttpMessageNotReadableException("bad", new MockHttpInputMessage(new byte[0])),
				HttpStatus.BAD_REQUEST))
			.isEqualTo("invalid_json");
		assertThat(ProblemWriter.errorFor(new TypeMismatchException("1.5", Integer.class), HttpStatus.BAD_REQUEST))
			.isEqualTo("invalid_parameter");
		assertThat(ProblemWriter.errorFor(new IllegalStateException(), HttpStatus.METHOD_NOT_ALLOWED))
			.isEqualTo("method_not_allowed");
	}

}
