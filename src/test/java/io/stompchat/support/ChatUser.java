package io.stompchat.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A user of a running server, signed in over HTTP the way any client does: sign-up form
 * with its CSRF token, then the session cookie on every request.
 */
public final class ChatUser {

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final AtomicInteger counter = new AtomicInteger();

	static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final String username;

	private final CookieManager cookies;

	private final HttpClient http;

	private ChatUser(int port, String username) {
		this(port, username, new CookieManager());
	}

	private ChatUser(int port, String username, CookieManager cookies) {
		this.port = port;
		this.username = username;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/**
	 * A new user with a unique name starting with the prefix.
	 * @param port the server's port
	 * @param prefix start of the name
	 * @return the signed-in user
	 */
	public static ChatUser signUp(int port, String prefix) {
		String name = prefix + "-" + ProcessHandle.current().pid() % 1000 + "-" + counter.incrementAndGet();
		return signUp(port, name, "password-" + name);
	}

	/**
	 * A client that has not signed in (yet).
	 * @param port the server's port
	 * @return the client
	 */
	public static ChatUser anonymous(int port) {
		return new ChatUser(port, null);
	}

	public static ChatUser signUp(int port, String username, String password) {
		ChatUser user = new ChatUser(port, username);
		HttpResponse<String> response = user.postForm("/signup", Map.of("username", username, "password", password));
		if (response.statusCode() != 302) {
			throw new IllegalStateException("Sign-up of " + username + " failed: " + response.statusCode());
		}
		return user;
	}

	/**
	 * Signs an existing account in through the login form.
	 * @param port the server's port
	 * @param username the name
	 * @param password the password
	 * @return the user, signed in when the answer is a redirect to /
	 */
	public static ChatUser logIn(int port, String username, String password) {
		ChatUser user = new ChatUser(port, username);
		HttpResponse<String> response = user.postForm("/login", Map.of("username", username, "password", password));
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("Login of " + username + " failed: " + location);
		}
		return user;
	}

	/**
	 * The same user, with the same cookies, talking to another instance: a browser that a
	 * load balancer sends elsewhere.
	 * @param otherPort the other instance's port
	 * @return the user at the other instance, sharing this one's cookies
	 */
	public ChatUser at(int otherPort) {
		return new ChatUser(otherPort, this.username, this.cookies);
	}

	public String username() {
		return this.username;
	}

	public int port() {
		return this.port;
	}

	/**
	 * The form post of a page, with the CSRF token read from that page's form.
	 * @param path the form's page and action
	 * @param fields the fields
	 * @return the answer
	 */
	public HttpResponse<String> postForm(String path, Map<String, String> fields) {
		Matcher token = CSRF_INPUT.matcher(get(path).body());
		if (!token.find()) {
			throw new IllegalStateException("No CSRF token in " + path);
		}
		String body = fields.entrySet()
			.stream()
			.map((field) -> encode(field.getKey()) + "=" + encode(field.getValue()))
			.collect(Collectors.joining("&", "_csrf=" + encode(token.group(1)) + "&", ""));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	public JsonNode getJson(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
		}
		return json.readTree(response.body());
	}

	public HttpResponse<String> postJson(String path, String body) {
		return send(request(path).header("Content-Type", "application/json")
			.header("X-CSRF-TOKEN", csrfToken())
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A DELETE request with this user's session and CSRF token.
	 * @param path the path
	 * @return the response
	 */
	public HttpResponse<String> delete(String path) {
		return send(request(path).header("X-CSRF-TOKEN", csrfToken()).DELETE());
	}

	/**
	 * Creates a room of this user's own, named and identified after the user.
	 * @param prefix start of the room id
	 * @return the id of the created room
	 */
	public String createRoom(String prefix) {
		String id = prefix + "-" + this.username.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "-");
		return createRoom(id, id);
	}

	/**
	 * Creates a room with the given id and name.
	 * @param id the room id
	 * @param name the room name
	 * @return the id of the created room
	 */
	public String createRoom(String id, String name) {
		HttpResponse<String> created = postJson("/api/rooms", json.writeValueAsString(Map.of("name", name, "id", id)));
		if (created.statusCode() != 201) {
			throw new IllegalStateException("Creating room " + id + " answered " + created.statusCode());
		}
		return id;
	}

	/**
	 * The token that the STOMP CONNECT frame and state-changing requests carry.
	 * @return the token from {@code GET /api/csrf}
	 */
	public String csrfToken() {
		return getJson("/api/csrf").get("token").asString();
	}

	/**
	 * The session cookie, as a {@code Cookie} header value.
	 * @return the cookies of this user's session
	 */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map(HttpCookie::toString)
			.collect(Collectors.joining("; "));
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
