package io.stompchat.system.stomp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Instances;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.web.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM while clients are sending with receipts: readiness goes down, new handshakes
 * get 503, every session is closed with 1012, and after a restart on the same data every
 * acknowledged line is there exactly once; the others, sent again with their clientId as
 * the browser does, are stored once too.
 */
class GracefulShutdownIntegrationTests {

	private static final int LINES = 50;

	@TempDir
	Path data;

	@Test
	void nothingAcknowledgedIsLostOrDuplicatedAcrossAStop() throws Exception {
		String url = "spring.datasource.url=jdbc:h2:file:" + this.data.resolve("stomp-chat").toAbsolutePath()
				+ ";DB_CLOSE_ON_EXIT=FALSE";
		ConfigurableApplicationContext first = Instances.start(url);
		int port = Instances.port(first);
		ChatUser alice = ChatUser.signUp(port, "stop");
		ChatUser bob = ChatUser.signUp(port, "stop");
		List<Integer> handshakesWhileStopping = new CopyOnWriteArrayList<>();
		List<ReadinessState> readiness = new CopyOnWriteArrayList<>();
		// runs after the STOMP edge has begun to stop, while the web server still serves
		first.addApplicationListener((ApplicationListener<ContextClosedEvent>) (closed) -> {
			readiness.add(first.getBean(ApplicationAvailability.class).getReadinessState());
			handshakesWhileStopping.add(webSocketHandshake(port, alice));
			handshakesWhileStopping.add(sockJsHandshake(port, alice));
		});
		Map<String, CompletableFuture<String>> sent = new ConcurrentHashMap<>();
		StompTestClient ws = StompTestClient.connect(alice, Transport.WEBSOCKET);
		StompTestClient sockJs = StompTestClient.connect(bob, Transport.XHR_STREAMING);
		// Tomcat's WebSocket client takes 1012 for a protocol error; browsers and the
		// JDK's
		// client do not
		CompletableFuture<Integer> nativeClosed = new CompletableFuture<>();
		WebSocket plain = HttpClient.newHttpClient()
			.newWebSocketBuilder()
			.header("Cookie", alice.cookieHeader())
			.buildAsync(URI.create("ws://localhost:" + port + "/ws/websocket"), new WebSocket.Listener() {

				@Override
				public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
					nativeClosed.complete(statusCode);
					return null;
				}

			})
			.get(15, TimeUnit.SECONDS);
		plain
			.sendText("CONNECT\naccept-version:1.2\nhost:localhost\nX-CSRF-TOKEN:" + alice.csrfToken() + "\n\n\0", true)
			.get(15, TimeUnit.SECONDS);
		try {
			for (int i = 0; i < LINES; i++) {
				sent.put("a-" + i, ws.sendWithReceipt(chat(), StompTestClient.chat("line " + i, "a-" + i), "a-" + i));
				sent.put("b-" + i,
						sockJs.sendWithReceipt(chat(), StompTestClient.chat("line " + i, "b-" + i), "b-" + i));
			}
			long started = System.nanoTime();
			first.close();
			Duration stopping = Duration.ofNanos(System.nanoTime() - started);
			int plainClosed = nativeClosed.get(15, TimeUnit.SECONDS);
			CloseStatus sockJsClosed = sockJs.closed().get(15, TimeUnit.SECONDS);

			assertThat(stopping).isLessThan(Duration.ofSeconds(30));
			assertThat(readiness).containsExactly(ReadinessState.REFUSING_TRAFFIC);
			assertThat(handshakesWhileStopping).containsExactly(503, 503);
			assertThat(plainClosed).isEqualTo(1012);
			assertThat(sockJsClosed.getCode()).isEqualTo(1012);
		}
		finally {
			ws.close();
			sockJs.close();
			first.close();
		}
		List<String> acknowledged = new ArrayList<>();
		List<String> unacknowledged = new ArrayList<>();
		sent.forEach((clientId, receipt) -> (isAcknowledged(receipt) ? acknowledged : unacknowledged).add(clientId));
		assertThat(acknowledged).isNotEmpty();

		try (ConfigurableApplicationContext second = Instances.start(url)) {
			int again = Instances.port(second);
			ChatUser alice2 = ChatUser.logIn(again, alice.username(), "password-" + alice.username());
			ChatUser bob2 = ChatUser.logIn(again, bob.username(), "password-" + bob.username());
			List<String> stored = clientIds(alice2);
			assertThat(stored).doesNotHaveDuplicates().containsAll(acknowledged);

			// the browser's outbox sends what was not acknowledged again, same clientId
			try (StompTestClient a = StompTestClient.connect(alice2, Transport.WEBSOCKET);
					StompTestClient b = StompTestClient.connect(bob2, Transport.XHR_STREAMING)) {
				List<CompletableFuture<String>> resent = new ArrayList<>();
				for (String clientId : unacknowledged) {
					StompTestClient client = clientId.startsWith("a-") ? a : b;
					resent.add(client.sendWithReceipt(chat(), StompTestClient.chat("again", clientId), clientId));
				}
				CompletableFuture.allOf(resent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			}
			assertThat(clientIds(alice2)).doesNotHaveDuplicates().hasSize(2 * LINES);
		}
	}

	private static String chat() {
		return "/app/room.general.chat";
	}

	private static boolean isAcknowledged(CompletableFuture<String> receipt) {
		return receipt.isDone() && !receipt.isCompletedExceptionally();
	}

	private static List<String> clientIds(ChatUser user) {
		JsonNode page = user.getJson("/api/rooms/general/messages?limit=200");
		List<String> ids = new ArrayList<>();
		for (JsonNode message : page.get("messages")) {
			if (message.hasNonNull("clientId")) {
				ids.add(message.get("clientId").asString());
			}
		}
		return ids;
	}

	private static int webSocketHandshake(int port, ChatUser user) {
		try {
			HttpClient.newHttpClient()
				.newWebSocketBuilder()
				.header("Cookie", user.cookieHeader())
				.buildAsync(URI.create("ws://localhost:" + port + "/ws/websocket"), new WebSocket.Listener() {
				})
				.get(15, TimeUnit.SECONDS)
				.abort();
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

	private static int sockJsHandshake(int port, ChatUser user) {
		try {
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/ws/000/shutdown/xhr_streaming"))
				.header("Cookie", user.cookieHeader())
				.POST(HttpRequest.BodyPublishers.noBody())
				.timeout(Duration.ofSeconds(15))
				.build();
			return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
