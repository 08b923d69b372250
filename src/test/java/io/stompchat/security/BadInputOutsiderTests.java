package io.stompchat.security;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The outsider cases on Spring's in-memory broker, in the context the other bad-input
 * tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputOutsiderTests extends OutsiderScenarios {

	@LocalServerPort
	int port;

	@Override
	int port() {
		return this.port;
	}

}
