package io.stompchat.system;

import java.time.Duration;
import java.util.UUID;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.Instances;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * HTTP sessions live in the shared database (Spring Session JDBC): a user whose instance
 * stops reconnects to another with the same cookie, still signed in; and STOMP frames
 * keep the HTTP session alive while the user chats without HTTP requests.
 */
class HttpSessionsIntegrationTests {

	private ConfigurableApplicationContext one;

	private ConfigurableApplicationContext two;

	@AfterEach
	void stop() {
		Instances.close(this.one, this.two);
	}

	@Test
	void aUserWhoseInstanceStopsReconnectsToAnotherWithTheSameCookie() throws Exception {
		String database = "spring.datasource.url=jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.one = Instances.start(database);
		this.two = Instances.start(database);
		ChatUser atOne = ChatUser.signUp(Instances.port(this.one), "roamer");
		StompTestClient first = StompTestClient.connect(atOne, Transport.WEBSOCKET);
		first.subscribeRoom("general");

		this.one.close();
		await().atMost(Duration.ofSeconds(10)).until(() -> !first.isConnected());

		ChatUser atTwo = atOne.at(Instances.port(this.two));
		assertThat(atTwo.getJson("/api/me").get("username").asString()).isEqualTo(atOne.username());
		try (StompTestClient second = StompTestClient.connect(atTwo, Transport.WEBSOCKET)) {
			Inbox room = second.subscribeRoom("general");
			second.send("/app/room.general.chat", StompTestClient.chat("back again", null));
			assertThat(StompTestClient.text(room.awaitMessages(1).get(0))).isEqualTo("back again");
		}
	}

	@Test
	void stompFramesKeepTheHttpSessionAlivePastItsTimeout() throws Exception {
		// long enough for sign-up and connect on a busy machine
		Duration timeout = Duration.ofSeconds(15);
		this.one = Instances.start(
				"spring.datasource.url=jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"server.servlet.session.timeout=" + timeout.toSeconds() + "s");
		int port = Instances.port(this.one);
		ChatUser chatting = ChatUser.signUp(port, "chatting");
		try (StompTestClient client = StompTestClient.connect(chatting, Transport.WEBSOCKET)) {
			Inbox room = client.subscribeRoom("general");
			ChatUser idle = ChatUser.signUp(port, "idle");
			long end = System.nanoTime() + timeout.multipliedBy(2).toNanos();
			int[] sent = { 0 };
			// one line every half second over two timeouts, and no HTTP request
			await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
				client.send("/app/room.general.chat", StompTestClient.chat("line " + sent[0]++, null));
				return System.nanoTime() > end;
			});
			room.awaitMessages(sent[0]);
			assertThat(client.isConnected()).isTrue();
			assertThat(chatting.get("/api/me").statusCode()).isEqualTo(200);
			assertThat(idle.get("/api/me").statusCode()).isEqualTo(401);
		}
	}

}
