package io.stompchat.message;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The chat scenarios on Spring's in-memory broker, the default set-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatEndToEndTests extends ChatScenarios {

	@LocalServerPort
	int port;

	@Override
	int port() {
		return this.port;
	}

}
