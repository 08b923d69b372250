package io.stompchat.security;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import io.stompchat.support.ChatUser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.stompchat.security.Case.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Sign-up and sign-in: name rules, confusables, long passwords, throttling, no user
 * enumeration. See docs/SECURITY.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputLoginTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("accounts")
	void accountsAreGuarded(Case badInput) throws Exception {
		badInput.check(this.port);
	}

	static Stream<Case> accounts() {
		return Stream.of(refused("sign-up: NUL in the name", signup("nul\u0000name", "password-123")),
				refused("sign-up: control character in the name", signup("esc\u001b[31m", "password-123")),
				refused("sign-up: RTL override in the name", signup("abc\u202Egnp", "password-123")),
				refused("sign-up: fullwidth letters in the name",
						signup("\uff41\uff4c\uff49\uff43\uff45", "password-123")),
				refused("sign-up: XSS in the name", signup("<script>", "password-123")),
				refused("sign-up: password of 7 characters", signup("short-pass", "1234567")),
				refused("sign-up: password of 129 characters", signup("long-pass", "p".repeat(129))),
				refused("sign-up: a name taken in another case", (t) -> {
					HttpResponse<String> taken = ChatUser.signUp(t.port, "casey")
						.postForm("/signup",
								Map.of("username", t.user.username().toUpperCase(), "password", "password-123"));
					assertThat(taken.statusCode()).isEqualTo(400);
					assertThat(taken.body()).contains("signup.username.taken");
				}), refused("a 100-character password beyond BCrypt's 72 bytes works and counts in full", (t) -> {
					String password = "비밀번호".repeat(25);
					String name = "long-" + t.roomId;
					ChatUser.signUp(t.port, name, password);
					assertThat(ChatUser.logIn(t.port, name, password).get("/api/me").statusCode()).isEqualTo(200);
					assertThatIllegalStateException()
						.isThrownBy(() -> ChatUser.logIn(t.port, name, password.substring(0, 99) + "x"));
				}), refused("unknown name and wrong password get the same answer in similar time", (t) -> {
					// only the sign-in is timed: the sessions it posts from (each a
					// sign-up,
					// itself a BCrypt) are made first, so an unknown name that skipped
					// its
					// dummy BCrypt would answer many times faster and fail the ratio
					long unknown = 0;
					long wrong = 0;
					for (int i = 0; i < 3; i++) {
						ChatUser doorA = ChatUser.signUp(t.port, "door");
						ChatUser doorB = ChatUser.signUp(t.port, "door");
						long start = System.nanoTime();
						HttpResponse<String> a = login(doorA, "ghost-" + t.roomId + "-" + i, "password-123");
						unknown += System.nanoTime() - start;
						start = System.nanoTime();
						HttpResponse<String> b = login(doorB, t.user.username(), "wrong-password-" + i);
						wrong += System.nanoTime() - start;
						assertThat(a.statusCode()).isEqualTo(b.statusCode()).isEqualTo(302);
						assertThat(a.headers().firstValue("Location")).isEqualTo(b.headers().firstValue("Location"))
							.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
					}
					assertThat((double) unknown / wrong).isBetween(0.33, 3.0);
				}), refused("repeated failed sign-ins are throttled, even with the right password", (t) -> {
					for (int i = 0; i < 5; i++) {
						assertThat(login(t, t.user.username(), "wrong-" + i).headers().firstValue("Location"))
							.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?error"));
					}
					HttpResponse<String> locked = login(t, t.user.username(), "password-" + t.user.username());
					assertThat(locked.headers().firstValue("Location"))
						.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?throttled"));
					assertThat(Http.get(t.port, "/login?throttled", Map.of()).body())
						.contains("Too many failed sign-ins");
				}), refused("unknown names are throttled the same way", (t) -> {
					String ghost = "ghost-" + t.roomId;
					for (int i = 0; i < 5; i++) {
						login(t, ghost, "wrong-" + i);
					}
					assertThat(login(t, ghost, "wrong").headers().firstValue("Location"))
						.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?throttled"));
				}), refused("repeated failed HTTP Basic sign-ins get 429", (t) -> {
					for (int i = 0; i < 5; i++) {
						BadInputHttpTests.assertProblem(basic(t, t.user.username(), "wrong-" + i), 401, "unauthorized");
					}
					HttpResponse<String> locked = basic(t, t.user.username(), "password-" + t.user.username());
					BadInputHttpTests.assertProblem(locked, 429, "login_throttled");
					assertThat(locked.headers().firstValue("Retry-After")).isPresent();
				}));
	}

	private static Case.Attack signup(String username, String password) {
		return (t) -> {
			HttpResponse<String> response = ChatUser.signUp(t.port, "signer")
				.postForm("/signup", Map.of("username", username, "password", password));
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.body()).contains("signup.");
			assertThatIllegalStateException().isThrownBy(() -> ChatUser.logIn(t.port, username, password));
		};
	}

	private static HttpResponse<String> login(Target t, String username, String password) {
		return login(ChatUser.signUp(t.port, "door"), username, password);
	}

	private static HttpResponse<String> login(ChatUser door, String username, String password) {
		return door.postForm("/login", Map.of("username", username, "password", password));
	}

	private static HttpResponse<String> basic(Target t, String username, String password) {
		String credentials = Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return Http.get(t.port, "/api/me", Map.of("Authorization", "Basic " + credentials));
	}

}
