package io.stompchat.security;

import io.stompchat.support.RelayPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The outsider cases through the broker relay to a real ActiveMQ Artemis, started once
 * for the class, with two server instances: the owner and the member on one, the outsider
 * on the other, so that whatever leaked would cross the broker.
 */
class BadInputOutsiderRelayTests extends OutsiderScenarios {

	static RelayPair relay;

	@BeforeAll
	static void start() throws Exception {
		relay = RelayPair.start("relay-outsiders");
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
