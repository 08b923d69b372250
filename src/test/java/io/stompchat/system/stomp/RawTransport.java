package io.stompchat.system.stomp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.stompchat.support.ChatUser;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A STOMP client with no library under it, that sends only what a test writes (no
 * heart-beats, no closing of its own): over a native WebSocket (the JDK's client) or over
 * SockJS xhr-polling (plain HTTP requests, polling until the server closes).
 */
abstract class RawTransport implements AutoCloseable {

	static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final JsonMapper json = JsonMapper.builder().build();

	final List<String> frames = new CopyOnWriteArrayList<>();

	/** The close code the server sent. */
	final CompletableFuture<Integer> closed = new CompletableFuture<>();

	static RawTransport webSocket(ChatUser user) throws Exception {
		return new Native(user);
	}

	static RawTransport xhrPolling(ChatUser user) {
		return new Polling(user);
	}

	abstract void send(String frame);

	/**
	 * Sends CONNECT with the user's token and these extra headers, then waits for
	 * CONNECTED.
	 */
	RawTransport connect(ChatUser user, String... headers) {
		StringBuilder frame = new StringBuilder("CONNECT\naccept-version:1.2\nhost:localhost\nX-CSRF-TOKEN:")
			.append(user.csrfToken())
			.append('\n');
		for (String header : headers) {
			frame.append(header).append('\n');
		}
		send(frame.append("\n\0").toString());
		await("CONNECTED");
		return this;
	}

	String await(String command) {
		Awaitility.await()
			.atMost(TIMEOUT)
			.alias(command + " (got " + this.frames + ")")
			.until(() -> this.frames.stream().anyMatch((f) -> f.startsWith(command + "\n")));
		return this.frames.stream().filter((f) -> f.startsWith(command + "\n")).findFirst().orElseThrow();
	}

	int awaitClose() throws Exception {
		return this.closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
	}

	/** The JDK's WebSocket client on {@code /ws/websocket}. */
	static final class Native extends RawTransport implements WebSocket.Listener {

		private final StringBuilder partial = new StringBuilder();

		private final WebSocket socket;

		Native(ChatUser user) throws Exception {
			this.socket = HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.header("Cookie", user.cookieHeader())
				.buildAsync(URI.create("ws://localhost:" + user.port() + "/ws/websocket"), this)
				.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		}

		@Override
		void send(String frame) {
			this.socket.sendText(frame, true).join();
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
			this.socket.abort();
		}

	}

	/** SockJS xhr-polling: a thread polls {@code /xhr} until the server closes. */
	static final class Polling extends RawTransport {

		private final HttpClient http = HttpClient.newHttpClient();

		private final ChatUser user;

		private final String base;

		private final Thread poller;

		private volatile boolean stopped;

		Polling(ChatUser user) {
			this.user = user;
			this.base = "http://localhost:" + user.port() + "/ws/000/" + UUID.randomUUID().toString().substring(0, 8);
			try {
				// the first poll opens the session: "o"
				String open = post("/xhr", "").body().strip();
				if (!open.equals("o")) {
					throw new IllegalStateException("SockJS did not open: " + open);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			this.poller = new Thread(this::poll, "raw-sockjs-poller");
			this.poller.setDaemon(true);
			this.poller.start();
		}

		private void poll() {
			while (!this.stopped && !this.closed.isDone()) {
				try {
					String body = post("/xhr", "").body().strip();
					if (body.startsWith("a")) {
						for (JsonNode frame : json.readTree(body.substring(1))) {
							this.frames.add(frame.asString());
						}
					}
					else if (body.startsWith("c")) {
						this.closed.complete(json.readTree(body.substring(1)).get(0).asInt());
					}
				}
				catch (Exception ex) {
					this.closed.complete(-1);
				}
			}
		}

		@Override
		void send(String frame) {
			try {
				int status = post("/xhr_send", json.writeValueAsString(List.of(frame))).statusCode();
				if (status != 204) {
					throw new IllegalStateException("xhr_send answered " + status);
				}
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

		private HttpResponse<String> post(String path, String body) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + path))
				.header("Cookie", this.user.cookieHeader())
				.header("Content-Type", "text/plain")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.timeout(Duration.ofSeconds(60))
				.build();
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}

		@Override
		public void close() {
			this.stopped = true;
			this.poller.interrupt();
		}

	}

}
