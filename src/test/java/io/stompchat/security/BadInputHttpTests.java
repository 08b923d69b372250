package io.stompchat.security;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.stompchat.security.Case.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over REST: CSRF, room names and ids, bodies, paging, path tricks,
 * authentication. Every case asserts the exact answer, that the attacker's room holds
 * nothing, and that a fresh user can still chat. See docs/SECURITY.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputHttpTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("rest")
	void badRequestsAreRefusedWithAProblem(Case badInput) throws Exception {
		badInput.check(this.port);
	}

	static Stream<Case> rest() {
		return Stream.of(refused("POST /api/rooms without CSRF token", (t) -> {
			HttpResponse<String> response = Http.post(t.port, "/api/rooms", "application/json",
					"{\"name\": \"No token\"}", Map.of("Cookie", t.user.cookieHeader()));
			assertProblem(response, 403, "invalid_csrf");
			assertThat(t.user.get("/api/rooms").body()).doesNotContain("No token");
		}), refused("POST /api/rooms with a wrong CSRF token", (t) -> {
			HttpResponse<String> response = Http.post(t.port, "/api/rooms", "application/json",
					"{\"name\": \"Bad token\"}", Map.of("Cookie", t.user.cookieHeader(), "X-CSRF-TOKEN", "forged"));
			assertProblem(response, 403, "invalid_csrf");
		}), refused("POST /logout without CSRF token keeps the session", (t) -> {
			HttpResponse<String> response = Http.post(t.port, "/logout", "application/x-www-form-urlencoded", "",
					Map.of("Cookie", t.user.cookieHeader()));
			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(t.user.get("/api/me").statusCode()).isEqualTo(200);
		}), refused("no session on /api", (t) -> {
			assertProblem(Http.get(t.port, "/api/rooms", Map.of()), 401, "unauthorized");
		}), refused("no session on the /ws handshake", (t) -> {
			assertThat(Http.get(t.port, "/ws/info", Map.of()).statusCode()).isEqualTo(401);
			assertThat(RawStomp.handshakeStatus(t.port, null, null)).isEqualTo(401);
		}), refused("wrong HTTP Basic credentials", (t) -> {
			assertProblem(Http.get(t.port, "/api/me", Map.of("Authorization", "Basic bm9ib2R5Om5vdGhpbmc=")), 401,
					"unauthorized");
		}), refused("XSS in a room name is stored and returned raw", (t) -> {
			String name = "<img src=x onerror=alert(1)>";
			HttpResponse<String> created = t.user.postJson("/api/rooms",
					"{\"name\": \"" + name + "\", \"id\": \"" + t.roomId + "-x\"}");
			assertThat(created.statusCode()).isEqualTo(201);
			HttpResponse<String> read = t.user.get("/api/rooms/" + t.roomId + "-x");
			assertThat(read.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
			assertThat(read.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
			assertThat(RawStomp.json.readTree(read.body()).get("name").asString()).isEqualTo(name);
		}), refused("SQL-ish room name is stored raw", (t) -> {
			String name = "'; DROP TABLE rooms; -- " + t.roomId;
			assertThat(
					t.user.postJson("/api/rooms", RawStomp.json.writeValueAsString(Map.of("name", name))).statusCode())
				.isEqualTo(201);
			assertThat(t.user.get("/api/rooms").body()).contains("DROP TABLE rooms");
		}), refused("NUL in a room name", name("a\\u0000b")),
				refused("lone surrogate in a room name", name("a\\ud800b")),
				refused("control character in a room name", name("bell\\u0007")),
				refused("RTL override in a room name", name("abc\\u202egnp")),
				refused("only zero-width characters as room name", name("\\u200b\\u2060")),
				refused("room name of 81 characters", name("n".repeat(81))),
				refused("confusable room name: case", conflict("GENERAL")),
				refused("confusable room name: fullwidth",
						conflict("\\uff27\\uff45\\uff4e\\uff45\\uff52\\uff41\\uff4c")),
				refused("room id with ..", roomId("../etc")), refused("room id with a dot", roomId("a.b")),
				refused("room id with a wildcard", roomId("x*")), refused("room id in upper case", roomId("Book")),
				refused("room id with LIKE wildcard", roomId(
						"gen%")),
				refused("invalid JSON",
						(t) -> assertProblem(t.user.postJson("/api/rooms", "{\"name\": "), 400, "invalid_json")),
				refused("deeply nested JSON",
						(t) -> assertProblem(
								t.user.postJson("/api/rooms",
										"{\"name\":" + "[".repeat(30_000) + "]".repeat(30_000) + "}"),
								400, "invalid_json")),
				refused("body over 64 KiB",
						(t) -> assertProblem(
								t.user.postJson("/api/rooms",
										"{\"name\": \"big\", \"pad\": \"" + "p".repeat(70_000) + "\"}"),
								413, "too_large")),
				refused("paging: negative before", paging("before=-1", "invalid_paging")),
				refused("paging: negative after", paging("after=-5", "invalid_paging")),
				refused("paging: limit 0", paging("limit=0", "invalid_paging")),
				refused("paging: limit 201", paging("limit=201", "invalid_paging")),
				refused("paging: huge limit", paging("limit=99999999999", "invalid_parameter")),
				refused("paging: garbage limit", paging("limit=abc", "invalid_parameter")),
				refused("paging: fractional limit", paging("limit=1.5", "invalid_parameter")),
				refused("paging: garbage before", paging("before=1;DROP", "invalid_parameter")),
				refused("paging: before is not a number", paging("before=abc", "invalid_parameter")),
				refused("paging: before beyond long", paging("before=99999999999999999999", "invalid_parameter")),
				refused("paging: before and after", paging("before=5&after=1", "invalid_paging")),
				refused("unknown room",
						(t) -> assertProblem(t.user.get("/api/rooms/no-such-room/messages"), 404, "unknown_room")),
				refused("LIKE wildcard in a room path",
						(t) -> assertProblem(t.user.get("/api/rooms/gen_ral/messages"), 404, "unknown_room")),
				refused("path trick: encoded ..", pathTrick("/api/rooms/%2e%2e/messages")),
				refused("path trick: encoded slash", pathTrick("/api/rooms/general%2Fx/messages")),
				refused("path trick: //", pathTrick("/api//rooms/general/messages")),
				refused("path trick: ;jsessionid", pathTrick("/api/rooms/general;x=1/messages")));
	}

	private static Case.Attack name(String jsonName) {
		return (t) -> assertProblem(t.user.postJson("/api/rooms", "{\"name\": \"" + jsonName + "\"}"), 400,
				"invalid_room");
	}

	private static Case.Attack conflict(String jsonName) {
		return (t) -> assertProblem(t.user.postJson("/api/rooms", "{\"name\": \"" + jsonName + "\"}"), 409,
				"room_exists");
	}

	private static Case.Attack roomId(String id) {
		return (t) -> assertProblem(
				t.user.postJson("/api/rooms", "{\"name\": \"Room " + t.roomId + "\", \"id\": \"" + id + "\"}"), 400,
				"invalid_room");
	}

	private static Case.Attack paging(String query, String error) {
		return (t) -> assertProblem(t.user.get("/api/rooms/" + t.roomId + "/messages?" + query), 400, error);
	}

	private static Case.Attack pathTrick(String path) {
		return (t) -> {
			HttpResponse<String> response = Http.get(t.port, path, Map.of("Cookie", t.user.cookieHeader()));
			assertThat(response.statusCode()).isIn(400, 404);
			assertThat(response.body()).doesNotContain("\"messages\"");
		};
	}

	static JsonNode assertProblem(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		JsonNode problem = RawStomp.json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		// every problem carries a machine-readable code, whoever wrote it
		assertThat(problem.get("error")).as("error in " + response.body()).isNotNull();
		if (error != null) {
			assertThat(problem.get("error").asString()).isEqualTo(error);
		}
		return problem;
	}

}
