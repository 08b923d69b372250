package io.stompchat.security;

import java.io.IOException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.stompchat.support.ChatUser;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plain WebSocket to {@code /ws/websocket} (the JDK's client, no STOMP library), to
 * send STOMP text exactly as written, malformed or not, and to see every frame and the
 * close that come back.
 */
final class RawStomp implements WebSocket.Listener, AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(15);

	static final JsonMapper json = JsonMapper.builder().build();

	private final List<String> frames = new CopyOnWriteArrayList<>();

	private final StringBuilder partial = new StringBuilder();

	private final CompletableFuture<Integer> closed = new CompletableFuture<>();

	private WebSocket socket;

	/**
	 * Opens a socket as a signed-in user, without sending anything.
	 * @param user the user whose session cookie goes on the handshake
	 * @return the open socket
	 */
	static RawStomp open(ChatUser user) {
		return open(user.port(), user.cookieHeader(), null);
	}

	static RawStomp open(int port, String cookie, String origin) {
		RawStomp raw = new RawStomp();
		try {
			raw.socket = builder(cookie, origin).buildAsync(URI.create("ws://localhost:" + port + "/ws/websocket"), raw)
				.get(15, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Handshake failed", ex);
		}
		return raw;
	}

	/**
	 * The HTTP status of a handshake: 101 when the socket opened.
	 */
	static int handshakeStatus(int port, String cookie, String origin) {
		RawStomp raw = new RawStomp();
		try {
			WebSocket socket = builder(cookie, origin)
				.buildAsync(URI.create("ws://localhost:" + port + "/ws/websocket"), raw)
				.get(15, TimeUnit.SECONDS);
			socket.abort();
			return 101;
		}
		catch (ExecutionException | CompletionException ex) {
			if (ex.getCause() instanceof WebSocketHandshakeException refused) {
				return refused.getResponse().statusCode();
			}
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static WebSocket.Builder builder(String cookie, String origin) {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
		if (cookie != null) {
			builder.header("Cookie", cookie);
		}
		if (origin != null) {
			builder.header("Origin", origin);
		}
		return builder.connectTimeout(TIMEOUT);
	}

	/**
	 * Opens a socket and sends a valid CONNECT with the user's CSRF token.
	 * @param user the user
	 * @return the socket, after CONNECTED
	 */
	static RawStomp connected(ChatUser user) {
		RawStomp raw = open(user);
		raw.send(connectFrame(user.csrfToken()));
		raw.await("CONNECTED");
		return raw;
	}

	static String connectFrame(String token) {
		return "CONNECT\naccept-version:1.2\nhost:localhost\n" + ((token != null) ? "X-CSRF-TOKEN:" + token + "\n" : "")
				+ "\n\0";
	}

	static String frame(String command, String body, String... headers) {
		return command + "\n" + String.join("\n", headers) + (headers.length > 0 ? "\n" : "") + "\n" + body + "\0";
	}

	static String chatFrame(String roomId, String body, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "destination:/app/room." + roomId + ".chat";
		all[1] = "content-type:application/json";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return frame("SEND", body, all);
	}

	/**
	 * Subscribes to {@code /user/queue/errors} (id {@code errors}) and to the room's
	 * topic (id {@code topic}); returns once the server has handled both.
	 */
	RawStomp ready(String roomId) {
		send(frame("SUBSCRIBE", "", "id:errors", "destination:/user/queue/errors"));
		send(frame("SUBSCRIBE", "", "id:topic", "destination:/topic/room." + roomId));
		send(frame("SUBSCRIBE", "", "id:history", "destination:/app/room." + roomId + ".history"));
		await((f) -> f.startsWith("MESSAGE") && f.contains("\nsubscription:history\n"));
		return this;
	}

	void send(String text) {
		this.socket.sendText(text, true).join();
	}

	/**
	 * Sends, unless the server has closed the connection in the meantime.
	 * @param text the WebSocket message
	 * @return false when the connection's output was closed
	 */
	boolean sendUnlessClosed(String text) {
		try {
			send(text);
			return true;
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof IOException) {
				return false;
			}
			throw ex;
		}
	}

	String await(String command) {
		return await((f) -> f.startsWith(command + "\n"));
	}

	String await(Predicate<String> condition) {
		Awaitility.await()
			.atMost(TIMEOUT)
			.alias("a frame (got " + this.frames + ")")
			.until(() -> this.frames.stream().anyMatch(condition));
		return this.frames.stream().filter(condition).findFirst().orElseThrow();
	}

	/**
	 * Waits for a message on {@code /user/queue/errors} with the given status.
	 * @return its body
	 */
	JsonNode awaitError(int status) {
		return body(await((f) -> f.startsWith("MESSAGE") && f.contains("\nsubscription:errors\n")
				&& f.contains("\"status\":" + status)));
	}

	List<JsonNode> errors() {
		return this.frames.stream()
			.filter((f) -> f.startsWith("MESSAGE") && f.contains("\nsubscription:errors\n"))
			.map(RawStomp::body)
			.toList();
	}

	List<JsonNode> topic() {
		return this.frames.stream()
			.filter((f) -> f.startsWith("MESSAGE") && f.contains("\nsubscription:topic\n"))
			.map(RawStomp::body)
			.toList();
	}

	static JsonNode body(String frame) {
		String body = frame.substring(frame.indexOf("\n\n") + 2);
		return json.readTree(body.endsWith("\0") ? body.substring(0, body.length() - 1) : body);
	}

	/**
	 * Asserts an ERROR frame whose message has the text, then the close of the
	 * connection.
	 * @param reason a part of the ERROR frame's message
	 */
	void assertRefused(String reason) {
		String error = await("ERROR").replace("\\c", ":").replace("\\n", " ").replace("\\\\", "\\");
		assertThat(error).contains("message:").contains(reason);
		assertClosed();
	}

	int assertClosed() {
		try {
			return this.closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new AssertionError("The server did not close the connection; frames: " + this.frames, ex);
		}
	}

	boolean isClosed() {
		return this.closed.isDone();
	}

	List<String> frames() {
		return List.copyOf(this.frames);
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		this.partial.append(data);
		if (last) {
			this.frames.add(this.partial.toString());
			this.partial.setLength(0);
		}
		webSocket.request(1);
		return null;
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed.complete(statusCode);
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed.complete(-1);
	}

	@Override
	public void close() {
		if (this.socket != null && !this.closed.isDone()) {
			this.socket.abort();
		}
	}

}
