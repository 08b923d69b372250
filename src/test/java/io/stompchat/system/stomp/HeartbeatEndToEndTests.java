package io.stompchat.system.stomp;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heart-beat scenarios with the in-memory broker, at 500 ms; that a silent client is
 * then dropped is {@link SessionEndEndToEndTests}'s. A client asking for shorter
 * intervals than the server's gets the server's (STOMP takes the longer of the two
 * sides').
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chat.heartbeat-ms=500")
class HeartbeatEndToEndTests extends HeartbeatScenarios {

	@LocalServerPort
	int port;

	@Override
	int port() {
		return this.port;
	}

	@Test
	void aClientAskingForShorterHeartBeatsGetsTheServersInterval() throws Exception {
		try (RawTransport raw = RawTransport.webSocket(this.alice).connect(this.alice, "heart-beat:100,100")) {
			assertThat(raw.await("CONNECTED")).contains("\nheart-beat:500,500\n");
		}
	}

}
