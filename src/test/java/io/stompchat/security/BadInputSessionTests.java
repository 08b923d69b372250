package io.stompchat.security;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import io.stompchat.support.ChatUser;
import org.awaitility.Awaitility;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.stompchat.security.Case.refused;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Origins, SockJS, session hygiene and security headers. See docs/SECURITY.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputSessionTests {

	static final String EVIL = "http://evil.example";

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("sessions")
	void sessionsAreGuarded(Case badInput) throws Exception {
		badInput.check(this.port);
	}

	static Stream<Case> sessions() {
		return Stream.of(refused("foreign Origin on the WebSocket handshake", (t) -> {
			assertThat(RawStomp.handshakeStatus(t.port, t.user.cookieHeader(), EVIL)).isEqualTo(403);
		}), refused("Origin null on the WebSocket handshake", (t) -> {
			assertThat(RawStomp.handshakeStatus(t.port, t.user.cookieHeader(), "null")).isEqualTo(403);
		}), refused("same Origin on the WebSocket handshake is welcome", (t) -> {
			assertThat(RawStomp.handshakeStatus(t.port, t.user.cookieHeader(), "http://localhost:" + t.port))
				.isEqualTo(101);
		}), refused("foreign Origin on SockJS /ws/info", (t) -> {
			assertThat(
					Http.get(t.port, "/ws/info", Map.of("Cookie", t.user.cookieHeader(), "Origin", EVIL)).statusCode())
				.isEqualTo(403);
		}), refused("foreign Origin on a SockJS xhr-streaming session", (t) -> {
			HttpResponse<String> response = Http.post(t.port, "/ws/123/" + UUID.randomUUID() + "/xhr_streaming",
					"text/plain", "", Map.of("Cookie", t.user.cookieHeader(), "Origin", EVIL));
			assertThat(response.statusCode()).isEqualTo(403);
		}), refused("foreign Origin on the SockJS iframe", (t) -> {
			assertThat(Http.get(t.port, "/ws/iframe.html", Map.of("Cookie", t.user.cookieHeader(), "Origin", EVIL))
				.statusCode()).isIn(403, 404);
		}), refused("SockJS: broken JSON in xhr_send", (t) -> {
			SockJs sockJs = SockJs.open(t.port, t.user);
			assertThat(sockJs.send("not json").statusCode()).isEqualTo(500);
		}), refused("SockJS: SEND before CONNECT over xhr-polling", (t) -> {
			SockJs sockJs = SockJs.open(t.port, t.user);
			assertThat(sockJs
				.send(RawStomp.json
					.writeValueAsString(List.of(RawStomp.chatFrame(t.roomId, "{\"text\":\"before connect\"}"))))
				.statusCode()).isEqualTo(204);
			// the ERROR frame is queued, then the session is closed: a polling client may
			// see
			// only the close
			assertThat(sockJs.pollUntil("c[")).containsAnyOf("c[1002", "c[3000");
			assertThat(t.storedTexts()).isEmpty();
		}), refused("SockJS: another user's session id", (t) -> {
			SockJs victim = SockJs.open(t.port, t.user);
			ChatUser attacker = ChatUser.signUp(t.port, "attacker");
			HttpResponse<String> response = Http.post(t.port, victim.path("xhr_send"), "text/plain",
					RawStomp.json.writeValueAsString(List.of(RawStomp.connectFrame(attacker.csrfToken()))),
					Map.of("Cookie", attacker.cookieHeader()));
			assertThat(response.statusCode()).isEqualTo(404);
		}), refused("signing out closes the user's WebSocket sessions", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				HttpResponse<String> logout = Http.post(t.port, "/logout", "application/x-www-form-urlencoded", "",
						Map.of("Cookie", t.user.cookieHeader(), "X-CSRF-TOKEN", t.user.csrfToken()));
				assertThat(logout.statusCode()).isIn(204, 302);
				assertThat(raw.assertClosed()).isEqualTo(1008);
			}
			assertThat(RawStomp.handshakeStatus(t.port, t.user.cookieHeader(), null)).isEqualTo(401);
		}), refused("the session cookie is HttpOnly and SameSite=Lax", (t) -> {
			HttpResponse<String> page = Http.get(t.port, "/signup", Map.of());
			String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
			assertThat(cookie).contains("SESSION=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax");
		}), refused("security headers on pages and API", (t) -> {
			for (HttpResponse<String> response : List.of(Http.get(t.port, "/login", Map.of()), t.user.get("/api/me"))) {
				assertThat(response.headers().firstValue("Content-Security-Policy").orElse(""))
					.contains("default-src 'self'")
					.contains("script-src 'self'")
					.contains("object-src 'none'")
					.contains("frame-ancestors 'self'");
				assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
				assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
				assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
			}
		}));
	}

	/**
	 * A bare SockJS xhr-polling session, spoken by hand.
	 */
	record SockJs(int port, ChatUser user, String base) {

		static SockJs open(int port, ChatUser user) {
			SockJs sockJs = new SockJs(port, user, "/ws/123/" + UUID.randomUUID().toString().replace("-", ""));
			HttpResponse<String> open = sockJs.poll();
			assertThat(open.statusCode()).isEqualTo(200);
			assertThat(open.body()).startsWith("o");
			return sockJs;
		}

		String path(String transport) {
			return this.base + "/" + transport;
		}

		HttpResponse<String> poll() {
			return Http.post(this.port, path("xhr"), "text/plain", "", Map.of("Cookie", this.user.cookieHeader()));
		}

		HttpResponse<String> send(String body) {
			return Http.post(this.port, path("xhr_send"), "text/plain", body,
					Map.of("Cookie", this.user.cookieHeader()));
		}

		String pollUntil(String marker) {
			StringBuilder seen = new StringBuilder();
			Awaitility.await().atMost(RawStomp.TIMEOUT).until(() -> {
				seen.append(poll().body());
				return seen.toString().contains(marker);
			});
			return seen.toString();
		}

	}

}
