package io.stompchat.message;

import io.stompchat.support.EmbeddedArtemis;
import io.stompchat.support.Instances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The chat scenarios through the broker relay to a real ActiveMQ Artemis, with two server
 * instances: alice is on one, bob on the other, and they see each other as on one server.
 */
class ArtemisRelayEndToEndTests extends ChatScenarios {

	static EmbeddedArtemis artemis;

	static ConfigurableApplicationContext one;

	static ConfigurableApplicationContext two;

	@BeforeAll
	static void start() throws Exception {
		artemis = EmbeddedArtemis.start();
		one = Instances.onRelay(artemis.port(), "relay-artemis");
		two = Instances.onRelay(artemis.port(), "relay-artemis");
	}

	@AfterAll
	static void stop() throws Exception {
		Instances.close(one, two);
		if (artemis != null) {
			artemis.close();
		}
	}

	@Override
	int port() {
		return Instances.port(one);
	}

	@Override
	int otherPort() {
		return Instances.port(two);
	}

}
