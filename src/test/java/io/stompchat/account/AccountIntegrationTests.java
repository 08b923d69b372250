package io.stompchat.account;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import io.stompchat.support.ChatUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Sign-up, login, HTTP Basic, and what an anonymous client is told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	private final HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void signUpSignsInAndStoresOnlyABcryptHash() {
		ChatUser carol = ChatUser.signUp(this.port, "Carol_x", "correct horse battery");
		assertThat(carol.getJson("/api/me").get("username").asString()).isEqualTo("Carol_x");
		String hash = this.jdbc.queryForObject("select password_hash from accounts where username = ?", String.class,
				"Carol_x");
		assertThat(hash).startsWith("$2").doesNotContain("correct horse");
	}

	@Test
	void aNameTakenIgnoringCaseOrWidthIsRefusedAndNothingIsCreated() {
		ChatUser.signUp(this.port, "Dave.t", "password-dave");
		for (String clash : new String[] { "dave.t", "DAVE.T" }) {
			HttpResponse<String> again = signUpForm(clash, "another-password");
			assertThat(again.statusCode()).isEqualTo(400);
			assertThat(again.body()).contains("signup.username.taken");
		}
		assertThat(
				this.jdbc.queryForObject("select count(*) from accounts where username_key = 'dave.t'", Integer.class))
			.isEqualTo(1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ab", "has space", "thirty-three-characters-long-name", "évian", "semi;colon", "" })
	void anInvalidNameReShowsTheForm(String name) {
		HttpResponse<String> response = signUpForm(name, "long-enough-password");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("signup.username.invalid");
		assertThat(this.jdbc.queryForObject("select count(*) from accounts where username = ?", Integer.class, name))
			.isZero();
	}

	@Test
	void aPasswordOutOfRangeIsRefused() {
		assertThat(signUpForm("short_pw", "1234567").body()).contains("signup.password.invalid");
		assertThat(signUpForm("long_pw", "x".repeat(129)).body()).contains("signup.password.invalid");
		assertThat(signUpForm("ok_pw", "x".repeat(128)).statusCode()).isEqualTo(302);
	}

	@Test
	void formLoginWorksInAnyCaseAndKeepsTheRegisteredName() {
		ChatUser.signUp(this.port, "Erin", "password-erin");
		ChatUser erin = ChatUser.logIn(this.port, "erin", "password-erin");
		assertThat(erin.getJson("/api/me").get("username").asString()).isEqualTo("Erin");
		assertThatIllegalStateException().isThrownBy(() -> ChatUser.logIn(this.port, "Erin", "wrong-password"));
	}

	@Test
	void httpBasicWorksOnTheApi() throws Exception {
		ChatUser.signUp(this.port, "basicuser", "password-basicuser");
		HttpResponse<String> me = get("/api/me", basic("basicuser", "password-basicuser"));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"username\":\"basicuser\"");
		assertThat(get("/api/me", basic("basicuser", "wrong")).statusCode()).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/me", "/api/rooms", "/api/csrf", "/api/rooms/general/messages", "/ws/info",
			"/ws/websocket" })
	void anonymousApiAndHandshakeGet401(String path) throws Exception {
		HttpResponse<String> response = get(path, null);
		assertThat(response.statusCode()).isEqualTo(401);
		if (path.startsWith("/api")) {
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).contains("json"));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/rooms/general" })
	void anonymousPagesRedirectToLogin(String path) throws Exception {
		HttpResponse<String> response = get(path, null);
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void logoutEndsTheSession() {
		ChatUser ivan = ChatUser.signUp(this.port, "ivan");
		assertThat(ivan.get("/api/me").statusCode()).isEqualTo(200);
		HttpResponse<String> logout = ivan.postJson("/logout", "");
		assertThat(logout.statusCode()).isIn(204, 302);
		assertThat(ivan.get("/api/me").statusCode()).isEqualTo(401);
	}

	private HttpResponse<String> signUpForm(String username, String password) {
		return ChatUser.anonymous(this.port).postForm("/signup", Map.of("username", username, "password", password));
	}

	private HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.anonymous.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String basic(String username, String password) {
		return "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
