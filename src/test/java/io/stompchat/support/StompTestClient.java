package io.stompchat.support;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.databind.JsonNode;

import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.AbstractMessageConverter;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.WebSocketClient;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.messaging.WebSocketStompClient;
import org.springframework.web.socket.sockjs.client.RestTemplateXhrTransport;
import org.springframework.web.socket.sockjs.client.SockJsClient;

/**
 * A real STOMP client, Spring's {@link WebSocketStompClient}, signed in as a
 * {@link ChatUser} over native WebSocket or a SockJS XHR transport: the cookie on the
 * handshake, the CSRF token in CONNECT, exactly as the contract tells any client to do.
 */
public final class StompTestClient implements AutoCloseable {

	/** The transports every end-to-end scenario runs over. */
	public enum Transport {

		WEBSOCKET, XHR_STREAMING, XHR_POLLING

	}

	private static final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();

	static {
		heartbeats.setDaemon(true);
		heartbeats.setPoolSize(2);
		heartbeats.setThreadNamePrefix("test-stomp-");
		heartbeats.initialize();
	}

	private final WebSocketStompClient client;

	private final Capturing transport;

	private final StompSession session;

	private final List<String> problems = new CopyOnWriteArrayList<>();

	private StompTestClient(WebSocketStompClient client, Capturing transport, String url,
			WebSocketHttpHeaders handshake, StompHeaders connect) throws Exception {
		this.client = client;
		this.transport = transport;
		this.session = client.connectAsync(url, handshake, connect, new StompSessionHandlerAdapter() {

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				StompTestClient.this.problems.add("ERROR " + headers.getFirst("message"));
			}

			@Override
			public void handleException(StompSession session, StompCommand command, StompHeaders headers,
					byte[] payload, Throwable ex) {
				StompTestClient.this.problems.add("exception " + ex);
			}

			@Override
			public void handleTransportError(StompSession session, Throwable ex) {
				StompTestClient.this.problems.add("transport " + ex);
			}

		}).get(15, TimeUnit.SECONDS);
	}

	/**
	 * Connects a signed-in user.
	 * @param user the user
	 * @param transport the transport
	 * @return the connected client
	 * @throws Exception when the connection fails
	 */
	public static StompTestClient connect(ChatUser user, Transport transport) throws Exception {
		WebSocketHttpHeaders handshake = new WebSocketHttpHeaders();
		handshake.add("Cookie", user.cookieHeader());
		StompHeaders connect = new StompHeaders();
		connect.add("X-CSRF-TOKEN", user.csrfToken());
		return connect(user.port(), transport, handshake, connect);
	}

	/**
	 * Connects with the given headers, for tests of what the server refuses.
	 * @param port the server's port
	 * @param transport the transport
	 * @param handshake the HTTP headers of the handshake
	 * @param connect the headers of the CONNECT frame
	 * @return the connected client
	 * @throws Exception when the connection fails
	 */
	public static StompTestClient connect(int port, Transport transport, WebSocketHttpHeaders handshake,
			StompHeaders connect) throws Exception {
		Capturing capturing = new Capturing();
		WebSocketClient transportClient = switch (transport) {
			case WEBSOCKET -> new StandardWebSocketClient();
			case XHR_STREAMING -> new SockJsClient(List.of(new RestTemplateXhrTransport(capturing.http())));
			case XHR_POLLING -> {
				RestTemplateXhrTransport polling = new RestTemplateXhrTransport(capturing.http());
				polling.setXhrStreamingDisabled(true);
				yield new SockJsClient(List.of(polling));
			}
		};
		capturing.delegate = transportClient;
		WebSocketStompClient client = new WebSocketStompClient(capturing);
		client.setMessageConverter(new JsonText());
		client.setTaskScheduler(heartbeats);
		client.setDefaultHeartbeat(new long[] { 0, 0 });
		String url = (transport == Transport.WEBSOCKET) ? "ws://localhost:" + port + "/ws/websocket"
				: "http://localhost:" + port + "/ws";
		return new StompTestClient(client, capturing, url, handshake, connect);
	}

	/**
	 * Subscribes and collects every payload as JSON.
	 * @param destination the destination
	 * @return what arrives there
	 */
	public Inbox subscribe(String destination) {
		Inbox inbox = new Inbox(destination);
		this.session.subscribe(destination, new StompFrameHandler() {

			@Override
			public Type getPayloadType(StompHeaders headers) {
				return String.class;
			}

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				inbox.add(ChatUser.json.readTree((String) payload));
			}

		});
		return inbox;
	}

	/**
	 * Subscribes to a room's topic, then waits until the subscription is in place.
	 * @param roomId the room
	 * @return what arrives on {@code /topic/room.{roomId}}
	 * @see #subscribeInPlace(String, String)
	 */
	public Inbox subscribeRoom(String roomId) {
		return subscribeInPlace("/topic/room." + roomId, roomId);
	}

	/**
	 * Subscribes, then waits until the subscription is in place: the reply to the room's
	 * history, asked for after it on the same connection, proves that the frames before
	 * it were handled.
	 * @param destination the destination
	 * @param roomId the room whose history is asked for
	 * @return what arrives at the destination
	 */
	public Inbox subscribeInPlace(String destination, String roomId) {
		Inbox inbox = subscribe(destination);
		subscribe("/app/room." + roomId + ".history").awaitCount(1);
		return inbox;
	}

	/**
	 * Sends a body as JSON.
	 * @param destination the destination
	 * @param body a map or record, written as JSON
	 */
	public void send(String destination, Object body) {
		sendRaw(destination, ChatUser.json.writeValueAsString(body));
	}

	public void send(String destination) {
		sendRaw(destination, "{}");
	}

	/**
	 * Sends a body exactly as given.
	 * @param destination the destination
	 * @param body the frame body
	 */
	public void sendRaw(String destination, String body) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		this.session.send(headers, body);
	}

	/**
	 * Sends a frame with exactly these headers.
	 * @param headers the headers, destination among them
	 * @param body the frame body
	 */
	public void send(StompHeaders headers, String body) {
		this.session.send(headers, body);
	}

	/**
	 * Sends a body as JSON with a {@code receipt} header.
	 * @param destination the destination
	 * @param body a map or record, written as JSON
	 * @param receipt the receipt id
	 * @return completed when the RECEIPT arrives; failed when none came within 15 s
	 */
	public CompletableFuture<String> sendWithReceipt(String destination, Object body, String receipt) {
		StompHeaders headers = new StompHeaders();
		headers.setDestination(destination);
		headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
		headers.setReceipt(receipt);
		CompletableFuture<String> acknowledged = new CompletableFuture<>();
		StompSession.Receiptable sent = this.session.send(headers, ChatUser.json.writeValueAsString(body));
		sent.addReceiptTask(() -> acknowledged.complete(receipt));
		sent.addReceiptLostTask(
				() -> acknowledged.completeExceptionally(new TimeoutException("No RECEIPT " + receipt)));
		return acknowledged;
	}

	/**
	 * How the server closed the transport under this client.
	 * @return completed with the close status once the transport is closed
	 */
	public CompletableFuture<CloseStatus> closed() {
		return this.transport.closed;
	}

	public boolean isConnected() {
		return this.session.isConnected();
	}

	/**
	 * ERROR frames and transport errors this client saw.
	 * @return their descriptions
	 */
	public List<String> problems() {
		return List.copyOf(this.problems);
	}

	public static Map<String, Object> chat(String text, String clientId) {
		return (clientId != null) ? Map.of("text", text, "clientId", clientId) : Map.of("text", text);
	}

	public static String text(JsonNode message) {
		return message.path("text").asString(null);
	}

	/**
	 * Drops the connection without a STOMP DISCONNECT, as a closed laptop lid or a lost
	 * network does: over WebSocket the transport is closed under the STOMP session; over
	 * SockJS the client simply stops polling, and the server notices only by itself.
	 * @throws IOException when closing fails
	 */
	public void kill() throws IOException {
		this.transport.kill();
		this.client.stop();
	}

	@Override
	public void close() {
		try {
			if (this.session.isConnected()) {
				this.session.disconnect();
			}
		}
		catch (RuntimeException ex) {
			// the connection is already going away
		}
		this.client.stop();
	}

	/**
	 * Keeps hold of the transport under the STOMP session, so that a test can drop it:
	 * the WebSocket session, and the HTTP connections of SockJS XHR transports.
	 */
	static final class Capturing implements WebSocketClient {

		private WebSocketClient delegate;

		private volatile WebSocketSession session;

		private volatile boolean dropped;

		private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();

		private final List<HttpURLConnection> connections = new CopyOnWriteArrayList<>();

		RestTemplate http() {
			RestTemplate http = new RestTemplate(new SimpleClientHttpRequestFactory() {

				@Override
				protected void prepareConnection(HttpURLConnection connection, String httpMethod) throws IOException {
					super.prepareConnection(connection, httpMethod);
					Capturing.this.connections.add(connection);
				}

			});
			http.getInterceptors().add((request, body, execution) -> {
				if (this.dropped) {
					throw new IOException("The test dropped the connection");
				}
				return execution.execute(request, body);
			});
			return http;
		}

		void kill() throws IOException {
			this.dropped = true;
			if (this.connections.isEmpty()) {
				WebSocketSession transport = this.session;
				if (transport != null) {
					transport.close();
				}
			}
			this.connections.forEach(HttpURLConnection::disconnect);
		}

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, String uriTemplate,
				Object... uriVariables) {
			return this.delegate.execute(watched(handler), uriTemplate, uriVariables).thenApply(this::keep);
		}

		@Override
		public CompletableFuture<WebSocketSession> execute(WebSocketHandler handler, WebSocketHttpHeaders headers,
				URI uri) {
			return this.delegate.execute(watched(handler), headers, uri).thenApply(this::keep);
		}

		private WebSocketHandler watched(WebSocketHandler handler) {
			return new WebSocketHandlerDecorator(handler) {

				@Override
				public void afterConnectionClosed(WebSocketSession session, CloseStatus status) throws Exception {
					Capturing.this.closed.complete(status);
					super.afterConnectionClosed(session, status);
				}

			};
		}

		private WebSocketSession keep(WebSocketSession session) {
			this.session = session;
			return session;
		}

	}

	/**
	 * JSON frames as plain strings, so a test can send any body, valid or not, and read
	 * every answer as it came.
	 */
	static final class JsonText extends AbstractMessageConverter {

		JsonText() {
			super(MimeTypeUtils.APPLICATION_JSON);
		}

		@Override
		protected boolean supports(Class<?> type) {
			return String.class == type;
		}

		@Override
		protected Object convertFromInternal(Message<?> message, Class<?> targetClass, Object hint) {
			Object payload = message.getPayload();
			return (payload instanceof byte[] bytes) ? new String(bytes, StandardCharsets.UTF_8) : payload.toString();
		}

		@Override
		protected Object convertToInternal(Object payload, MessageHeaders headers, Object hint) {
			return ((String) payload).getBytes(StandardCharsets.UTF_8);
		}

	}

}
