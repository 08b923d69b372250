package io.stompchat.system.stomp;

import io.stompchat.support.RelayPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The heart-beat scenarios through the broker relay to a real ActiveMQ Artemis, which
 * agrees the intervals with each client and drops one silent for six of them: the
 * client's heart-beats must reach the broker, and the broker's the client.
 */
class HeartbeatRelayEndToEndTests extends HeartbeatScenarios {

	static RelayPair relay;

	@BeforeAll
	static void start() throws Exception {
		relay = RelayPair.start("relay-heartbeats");
	}

	@AfterAll
	static void stop() throws Exception {
		RelayPair.close(relay);
	}

	@Override
	int port() {
		return relay.portOne();
	}

}
