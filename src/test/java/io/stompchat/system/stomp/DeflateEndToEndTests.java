package io.stompchat.system.stomp;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Instances;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * permessage-deflate, which every browser offers, is negotiated on {@code /ws} only when
 * {@code chat.websocket.deflate} is on: on the native WebSocket and on SockJS's websocket
 * transport, for the offers of Firefox and of Chrome and Safari. Tomcat's own client
 * offers it and then exchanges CONNECT and CONNECTED, so STOMP works either way. Off is
 * the shared test context; on is one more instance for the class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeflateEndToEndTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final JsonMapper json = JsonMapper.builder().build();

	private static ConfigurableApplicationContext deflating;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startAnInstanceWithDeflate() {
		deflating = Instances.start("chat.websocket.deflate=true",
				"spring.datasource.url=jdbc:h2:mem:deflate;DB_CLOSE_DELAY=-1");
	}

	@AfterAll
	static void stopIt() {
		Instances.close(deflating);
	}

	static Stream<Arguments> offers() {
		// Firefox offers it bare; Chrome and Safari with a parameter
		List<String> offers = List.of("permessage-deflate", "permessage-deflate; client_max_window_bits");
		return Stream.of(false, true).flatMap((sockJs) -> offers.stream().map((offer) -> Arguments.of(sockJs, offer)));
	}

	@ParameterizedTest(name = "SockJS {0}, offer \"{1}\"")
	@MethodSource("offers")
	void deflateIsNotNegotiatedByDefault(boolean sockJs, String offer) throws Exception {
		assertThat(connect(this.port, sockJs, offer)).isEmpty();
	}

	@ParameterizedTest(name = "SockJS {0}, offer \"{1}\"")
	@MethodSource("offers")
	void deflateIsNegotiatedWhenTurnedOn(boolean sockJs, String offer) throws Exception {
		assertThat(connect(Instances.port(deflating), sockJs, offer)).extracting(WebSocketExtension::getName)
			.containsExactly("permessage-deflate");
	}

	/**
	 * Signs a new user up, opens {@code /ws/websocket} or SockJS's websocket transport
	 * offering the extension, sends CONNECT and waits for CONNECTED.
	 * @return the extensions of the handshake's response
	 */
	private static List<WebSocketExtension> connect(int port, boolean sockJs, String offer) throws Exception {
		ChatUser user = ChatUser.signUp(port, "deflate");
		String connect = "CONNECT\naccept-version:1.2\nhost:localhost\nX-CSRF-TOKEN:" + user.csrfToken() + "\n\n\0";
		WebSocketHttpHeaders headers = new WebSocketHttpHeaders();
		headers.add("Cookie", user.cookieHeader());
		headers.add(WebSocketHttpHeaders.SEC_WEBSOCKET_EXTENSIONS, offer);
		String path = sockJs ? "/ws/000/" + UUID.randomUUID().toString().substring(0, 8) + "/websocket"
				: "/ws/websocket";
		Frames frames = new Frames();
		WebSocketSession session = new StandardWebSocketClient()
			.execute(frames, headers, URI.create("ws://localhost:" + port + path))
			.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		try {
			if (sockJs) {
				frames.await("o");
				session.sendMessage(new TextMessage(json.writeValueAsString(List.of(connect))));
			}
			else {
				session.sendMessage(new TextMessage(connect));
			}
			frames.await("CONNECTED");
			return session.getExtensions();
		}
		finally {
			session.close();
		}
	}

	/** The text frames a client received. */
	static final class Frames extends TextWebSocketHandler {

		private final List<String> received = new CopyOnWriteArrayList<>();

		@Override
		protected void handleTextMessage(WebSocketSession session, TextMessage message) {
			this.received.add(message.getPayload());
		}

		void await(String start) {
			Awaitility.await()
				.atMost(TIMEOUT)
				.alias(start + " (got " + this.received + ")")
				.until(() -> this.received.stream()
					.anyMatch((frame) -> frame.startsWith(start) || frame.startsWith("a[\"" + start)));
		}

	}

}
