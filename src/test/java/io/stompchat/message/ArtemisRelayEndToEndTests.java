package io.stompchat.message;

import io.stompchat.ChatApplication;
import io.stompchat.support.EmbeddedArtemis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
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
		one = RelayInstances.start(artemis.port(), "guest", "guest", "artemis");
		two = RelayInstances.start(artemis.port(), "guest", "guest", "artemis");
	}

	@AfterAll
	static void stop() throws Exception {
		RelayInstances.close(one, two);
		if (artemis != null) {
			artemis.close();
		}
	}

	@Override
	int port() {
		return RelayInstances.port(one);
	}

	@Override
	int otherPort() {
		return RelayInstances.port(two);
	}

	/**
	 * Server instances on the relay, sharing one in-memory database.
	 */
	static final class RelayInstances {

		private RelayInstances() {
		}

		static ConfigurableApplicationContext start(int brokerPort, String login, String passcode, String db) {
			return new SpringApplicationBuilder(ChatApplication.class).run("--server.port=0",
					"--spring.jmx.enabled=false",
					"--spring.datasource.url=jdbc:h2:mem:relay-" + db + ";DB_CLOSE_DELAY=-1",
					"--chat.broker.relay.enabled=true", "--chat.broker.relay.host=127.0.0.1",
					"--chat.broker.relay.port=" + brokerPort, "--chat.broker.relay.login=" + login,
					"--chat.broker.relay.passcode=" + passcode, "--chat.broker.relay.virtual-host=/");
		}

		static int port(ConfigurableApplicationContext instance) {
			return ((WebServerApplicationContext) instance).getWebServer().getPort();
		}

		static void close(ConfigurableApplicationContext... instances) {
			for (ConfigurableApplicationContext instance : instances) {
				if (instance != null) {
					instance.close();
				}
			}
		}

	}

}
