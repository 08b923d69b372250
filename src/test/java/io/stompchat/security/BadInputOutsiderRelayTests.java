package io.stompchat.security;

import io.stompchat.support.EmbeddedArtemis;
import io.stompchat.support.Instances;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The outsider cases through the broker relay to a real ActiveMQ Artemis, started once
 * for the class, with two server instances: the owner and the member on one, the outsider
 * on the other, so that whatever leaked would cross the broker.
 */
class BadInputOutsiderRelayTests extends OutsiderScenarios {

	static EmbeddedArtemis artemis;

	static ConfigurableApplicationContext one;

	static ConfigurableApplicationContext two;

	@BeforeAll
	static void start() throws Exception {
		artemis = EmbeddedArtemis.start();
		one = Instances.onRelay(artemis.port(), "relay-outsiders");
		two = Instances.onRelay(artemis.port(), "relay-outsiders");
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
