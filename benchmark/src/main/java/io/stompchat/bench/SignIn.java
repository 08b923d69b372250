package io.stompchat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs users in over the public HTTP surface: the sign-up form (or the login form when the name
 * exists), the session cookie, and the CSRF token from {@code GET /api/csrf}. Also the few REST
 * calls the workloads need (create a room, read a history page).
 */
final class SignIn {

	/** A signed-in user: the session cookie and the CSRF token that CONNECT carries. */
	record Session(String username, String cookie, String csrf) {
	}

	static final String PASSWORD = "bench-password-1";

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

	private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	private final HttpClient http;

	private final URI base;

	SignIn(HttpClient http, URI base) {
		this.http = http;
		this.base = base;
	}

	/** Signs in {@code count} users named {@code prefix0…}, {@code threads} at a time (each costs the server a BCrypt hash). */
	List<Session> users(String prefix, int count, int threads) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Session>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				String name = prefix + i;
				futures.add(pool.submit(() -> user(name)));
			}
			List<Session> sessions = new ArrayList<>();
			for (Future<Session> f : futures) {
				sessions.add(f.get());
			}
			return sessions;
		}
		finally {
			pool.shutdown();
		}
	}

	Session user(String name) throws IOException, InterruptedException {
		HttpResponse<String> form = get("/signup", null);
		String cookie = cookie(form, null);
		HttpResponse<String> signup = postForm("/signup", cookie, "username", name, "password", PASSWORD, "_csrf",
				csrfInput(form.body()));
		cookie = cookie(signup, cookie);
		if (!(signup.statusCode() == 302 && !signup.headers().firstValue("Location").orElse("").contains("signup"))) {
			HttpResponse<String> loginForm = get("/login", cookie);
			cookie = cookie(loginForm, cookie);
			HttpResponse<String> login = postForm("/login", cookie, "username", name, "password", PASSWORD, "_csrf",
					csrfInput(loginForm.body()));
			String location = login.headers().firstValue("Location").orElse("");
			if (login.statusCode() != 302 || location.contains("error") || location.contains("throttled")) {
				throw new IllegalStateException("sign-in of " + name + " failed: " + login.statusCode() + " " + location);
			}
			cookie = cookie(login, cookie);
		}
		HttpResponse<String> csrf = get("/api/csrf", cookie);
		Matcher m = TOKEN.matcher(csrf.body());
		if (csrf.statusCode() != 200 || !m.find()) {
			throw new IllegalStateException("GET /api/csrf: " + csrf.statusCode() + " " + csrf.body());
		}
		return new Session(name, cookie, m.group(1));
	}

	/** {@code POST /api/rooms}; an existing room (409) is reused. */
	void createRoom(Session user, String id) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(this.base.resolve("/api/rooms"))
			.header("Cookie", user.cookie())
			.header("X-CSRF-TOKEN", user.csrf())
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Bench " + id + "\",\"id\":\"" + id + "\"}"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 201 && response.statusCode() != 409) {
			throw new IllegalStateException("POST /api/rooms " + id + ": " + response.statusCode() + " " + response.body());
		}
	}

	HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(this.base.resolve(path)).timeout(Duration.ofSeconds(60)).GET();
		if (cookie != null) {
			b.header("Cookie", cookie);
		}
		return this.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> postForm(String path, String cookie, String... pairs)
			throws IOException, InterruptedException {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(pairs[i]).append('=').append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		HttpRequest.Builder b = HttpRequest.newBuilder(this.base.resolve(path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		if (cookie != null) {
			b.header("Cookie", cookie);
		}
		return this.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String csrfInput(String html) {
		Matcher m = CSRF_INPUT.matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no _csrf field in the form");
		}
		return (m.group(1) != null) ? m.group(1) : m.group(2);
	}

	/** The session cookie (Spring Session's SESSION) the response sets, else the one we had. */
	private static String cookie(HttpResponse<?> response, String previous) {
		for (String set : response.headers().allValues("Set-Cookie")) {
			if (set.startsWith("SESSION=")) {
				return set.substring(0, set.indexOf(';') > 0 ? set.indexOf(';') : set.length());
			}
		}
		return previous;
	}

}
