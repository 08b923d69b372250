package io.stompchat.message;

import io.stompchat.support.RelayPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The chat scenarios through the broker relay to a real ActiveMQ Artemis, with two server
 * instances: alice is on one, bob on the other, and they see each other as on one server.
 */
class ArtemisRelayEndToEndTests extends ChatScenarios {

	static RelayPair relay;

	@BeforeAll
	static void start() throws Exception {
		relay = RelayPair.start("relay-artemis");
	}

	@AfterAll
	static void stop() throws Exception {
		RelayPair.close(relay);
	}

	@Override
	int port() {
		return relay.portOne();
	}

	@Override
	int otherPort() {
		return relay.portTwo();
	}

}
