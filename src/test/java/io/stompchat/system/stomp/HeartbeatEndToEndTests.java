package io.stompchat.system.stomp;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The heart-beat scenarios with the in-memory broker, at 500 ms; that a silent client is
 * then dropped is {@link SessionEndEndToEndTests}'s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "chat.heartbeat-ms=500")
class HeartbeatEndToEndTests extends HeartbeatScenarios {

	@LocalServerPort
	int port;

	@Override
	int port() {
		return this.port;
	}

}
