package io.stompchat.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Extension;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import org.apache.tomcat.websocket.WsWebSocketContainer;

/**
 * One lean STOMP-over-WebSocket connection of a signed-in user: hand-written frames out, and in
 * only what the load needs — the {@code t=} marker in a MESSAGE's text, the replies to history
 * subscriptions and refusals. No JSON parsing, no header maps.
 * <p>
 * With {@link #offerDeflate()} every connection is made by Tomcat's WebSocket client instead of the
 * JDK's, offering permessage-deflate as browsers do (the JDK client cannot offer extensions), and
 * fails unless the server accepted it.
 */
final class Client implements WebSocket.Listener {

	/** What a connection reports: deliveries with their intended send time, and everything else it counts. */
	interface Sink {

		void delivered(long sentMicros, long nowMicros);

	}

	private static final String MARK = "\"text\":\"t=";

	private final Sink sink;

	private final StringBuilder partial = new StringBuilder();

	private final CompletableFuture<Client> connected = new CompletableFuture<>();

	private final String connectFrame;

	/** The heart-beat interval this client asks to send at (0: none). */
	private final int heartbeatMs;

	/** How often this client sends a heart-beat, as negotiated in CONNECTED (0: never). */
	private volatile long beatEveryMs;

	private long lastBeatMs;

	final AtomicLong probes = new AtomicLong();

	final AtomicLong errors = new AtomicLong();

	final AtomicLong historyReplies = new AtomicLong();

	/** MESSAGE frames on room subscriptions that are not chats of the load (JOIN, PRESENCE, …). */
	final AtomicLong others = new AtomicLong();

	volatile long lastHistoryMicros;

	volatile boolean closed;

	private volatile WebSocket socket;

	private volatile boolean paused;

	private CompletableFuture<WebSocket> lastSend = CompletableFuture.completedFuture(null);

	/** Tomcat's client, when connections offer permessage-deflate; else null. */
	private static volatile WsWebSocketContainer deflating;

	private static final ExecutorService DEFLATE_CONNECTS = Executors.newFixedThreadPool(4, (r) -> {
		Thread t = new Thread(r, "deflate-connect");
		t.setDaemon(true);
		return t;
	});

	private volatile Session tomcat;

	/** What browsers offer, without parameters. */
	private static final Extension DEFLATE = new Extension() {
		@Override
		public String getName() {
			return "permessage-deflate";
		}

		@Override
		public List<Parameter> getParameters() {
			return List.of();
		}
	};

	/** From now on, connections offer permessage-deflate (Tomcat's client, which inflates what it reads). */
	static void offerDeflate() {
		WsWebSocketContainer container = new WsWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(64 * 1024);
		deflating = container;
	}

	private Client(Sink sink, String csrf, int heartbeatMs) {
		this.sink = sink;
		this.heartbeatMs = heartbeatMs;
		this.connectFrame = "CONNECT\naccept-version:1.2\nhost:localhost\nheart-beat:" + heartbeatMs + ","
				+ heartbeatMs + "\nX-CSRF-TOKEN:" + csrf + "\n\n\0";
	}

	/**
	 * Opens {@code /ws/websocket} with the session cookie and sends CONNECT.
	 * @return completes on CONNECTED
	 */
	static CompletableFuture<Client> connect(HttpClient http, URI base, SignIn.Session user, Sink sink,
			int heartbeatMs) {
		Client client = new Client(sink, user.csrf(), heartbeatMs);
		URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/ws/websocket");
		WsWebSocketContainer container = deflating;
		if (container != null) {
			CompletableFuture.runAsync(() -> client.connectDeflating(container, ws, user.cookie()), DEFLATE_CONNECTS)
				.whenComplete((done, failure) -> {
					if (failure != null) {
						client.connected.completeExceptionally(failure);
					}
				});
			return client.connected;
		}
		http.newWebSocketBuilder()
			.header("Cookie", user.cookie())
			.connectTimeout(Duration.ofSeconds(30))
			.buildAsync(ws, client)
			.whenComplete((socket, failure) -> {
				if (failure != null) {
					client.connected.completeExceptionally(failure);
				}
			});
		return client.connected;
	}

	private void connectDeflating(WsWebSocketContainer container, URI ws, String cookie) {
		ClientEndpointConfig config = ClientEndpointConfig.Builder.create()
			.extensions(List.of(DEFLATE))
			.configurator(new ClientEndpointConfig.Configurator() {
				@Override
				public void beforeRequest(Map<String, List<String>> headers) {
					headers.put("Cookie", List.of(cookie));
				}
			})
			.build();
		try {
			container.connectToServer(new Endpoint() {
				@Override
				public void onOpen(Session session, EndpointConfig endpointConfig) {
					if (session.getNegotiatedExtensions().isEmpty()) {
						Client.this.connected.completeExceptionally(new IllegalStateException(
								"the server did not accept permessage-deflate (start it with chat.websocket.deflate=true)"));
						return;
					}
					Client.this.tomcat = session;
					session.addMessageHandler(String.class,
							(MessageHandler.Partial<String>) (text, last) -> Client.this.text(text, last));
					send(Client.this.connectFrame);
				}

				@Override
				public void onClose(Session session, CloseReason reason) {
					Client.this.closed = true;
					Client.this.connected.completeExceptionally(new IllegalStateException("closed " + reason));
				}

				@Override
				public void onError(Session session, Throwable error) {
					Client.this.closed = true;
					Client.this.connected.completeExceptionally(error);
				}
			}, config, ws);
		}
		catch (Exception ex) {
			this.connected.completeExceptionally(ex);
		}
	}

	@Override
	public void onOpen(WebSocket webSocket) {
		this.socket = webSocket;
		send(this.connectFrame);
		webSocket.request(1);
	}

	void subscribe(String id, String destination) {
		send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\n\n\0");
	}

	void unsubscribe(String id) {
		send("UNSUBSCRIBE\nid:" + id + "\n\n\0");
	}

	void join(String room) {
		send("SEND\ndestination:/app/room." + room + ".join\n\n\0");
	}

	/** A chat whose text starts with the intended send time; {@code t=0} is a probe, never measured. */
	void chat(String room, long intendedMicros, String clientId) {
		send("SEND\ndestination:/app/room." + room + ".chat\ncontent-type:application/json\n\n{\"text\":\"t="
				+ intendedMicros + " bench\",\"clientId\":\"" + clientId + "\"}\0");
	}

	void heartbeat() {
		send("\n");
	}

	/**
	 * Sends a heart-beat when the negotiated interval has passed since the last one, as a STOMP
	 * client library does (the server's CONNECTED may ask for fewer than the client offered).
	 * @param nowMs the current time
	 */
	void heartbeatIfDue(long nowMs) {
		long every = this.beatEveryMs;
		if (every > 0 && nowMs - this.lastBeatMs >= every) {
			this.lastBeatMs = nowMs;
			heartbeat();
		}
	}

	/** The negotiated send interval (ms): the client's, or the server's receive interval if longer (STOMP 1.2). */
	long heartbeatEveryMs() {
		return this.beatEveryMs;
	}

	private static long negotiated(int clientSendMs, CharSequence connected) {
		int at = indexOf(connected, "\nheart-beat:", 0);
		if (clientSendMs <= 0 || at < 0) {
			return 0;
		}
		int from = at + 12;
		int comma = indexOf(connected, ",", from);
		int end = indexOf(connected, "\n", from);
		if (comma < 0 || end < 0 || comma > end) {
			return 0;
		}
		long serverReceiveMs = Long.parseLong(connected.subSequence(comma + 1, end).toString().trim());
		return (serverReceiveMs <= 0) ? 0 : Math.max(clientSendMs, serverReceiveMs);
	}

	/** Stops reading: the server's writes pile up in the socket buffers (the slow consumer). */
	void pause() {
		this.paused = true;
	}

	synchronized void send(String frame) {
		Session session = this.tomcat;
		if (session != null) {
			try {
				session.getBasicRemote().sendText(frame);
			}
			catch (IOException | IllegalStateException ex) {
				this.closed = true;
			}
			return;
		}
		WebSocket ws = this.socket;
		this.lastSend = this.lastSend.thenCompose((previous) -> ws.sendText(frame, true));
	}

	void close() {
		Session session = this.tomcat;
		if (session != null) {
			try {
				session.close();
			}
			catch (IOException ex) {
				this.closed = true;
			}
			return;
		}
		WebSocket ws = this.socket;
		if (ws != null) {
			ws.abort();
		}
	}

	@Override
	public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
		text(data, last);
		if (!this.paused) {
			webSocket.request(1);
		}
		return null;
	}

	private void text(CharSequence data, boolean last) {
		if (!last) {
			this.partial.append(data);
		}
		else if (this.partial.length() > 0) {
			this.partial.append(data);
			frame(this.partial);
			this.partial.setLength(0);
		}
		else {
			frame(data);
		}
	}

	private void frame(CharSequence f) {
		if (f.length() < 5) {
			return; // heart-beat
		}
		char c = f.charAt(0);
		if (c == 'M') {
			message(f);
		}
		else if (c == 'C') {
			this.beatEveryMs = negotiated(this.heartbeatMs, f);
			this.lastBeatMs = System.currentTimeMillis();
			this.connected.complete(this);
		}
		else if (c == 'E') {
			this.errors.incrementAndGet();
			this.connected.completeExceptionally(new IllegalStateException(head(f)));
		}
	}

	private void message(CharSequence f) {
		int at = indexOf(f, MARK, 0);
		if (at < 0) {
			int sub = indexOf(f, "\nsubscription:", 0);
			if (sub > 0 && sub + 14 < f.length()) {
				char s = f.charAt(sub + 14);
				if (s == 'h') {
					this.lastHistoryMicros = Clock.micros();
					this.historyReplies.incrementAndGet();
				}
				else if (s == 'e') {
					this.errors.incrementAndGet();
				}
				else {
					this.others.incrementAndGet();
				}
			}
			return;
		}
		long t = 0;
		for (int i = at + MARK.length(); i < f.length(); i++) {
			char d = f.charAt(i);
			if (d < '0' || d > '9') {
				break;
			}
			t = t * 10 + (d - '0');
		}
		if (t == 0) {
			this.probes.incrementAndGet();
		}
		else {
			this.sink.delivered(t, Clock.micros());
		}
	}

	private static int indexOf(CharSequence s, String what, int from) {
		char first = what.charAt(0);
		int max = s.length() - what.length();
		outer: for (int i = from; i <= max; i++) {
			if (s.charAt(i) != first) {
				continue;
			}
			for (int j = 1; j < what.length(); j++) {
				if (s.charAt(i + j) != what.charAt(j)) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static String head(CharSequence f) {
		return f.subSequence(0, Math.min(300, f.length())).toString().replace('\0', ' ').replace('\n', ' ');
	}

	@Override
	public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
		this.closed = true;
		this.connected.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
		return null;
	}

	@Override
	public void onError(WebSocket webSocket, Throwable error) {
		this.closed = true;
		this.connected.completeExceptionally(error);
	}

}
