package io.stompchat.message;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

import io.stompchat.support.Instances;
import io.stompchat.support.Required;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The chat scenarios through the broker relay to a real RabbitMQ (rabbitmq_stomp on port
 * 61613, guest/guest, virtual host {@code /}), with two server instances. CI installs and
 * starts RabbitMQ, and the tests fail there without it; elsewhere they are skipped and
 * say how to get it ({@link Required}).
 */
class RabbitRelayEndToEndTests extends ChatScenarios {

	static final int STOMP_PORT = Integer.getInteger("rabbitmq.stomp.port", 61613);

	static ConfigurableApplicationContext one;

	static ConfigurableApplicationContext two;

	@BeforeAll
	static void start() {
		Required.that(reachable(), "RabbitMQ's STOMP port " + STOMP_PORT + " is closed: apt-get install "
				+ "rabbitmq-server && rabbitmq-plugins enable rabbitmq_stomp && rabbitmq-server -detached");
		one = Instances.onRelay(STOMP_PORT, "relay-rabbit");
		two = Instances.onRelay(STOMP_PORT, "relay-rabbit");
	}

	@AfterAll
	static void stop() {
		Instances.close(one, two);
	}

	@Override
	int port() {
		return Instances.port(one);
	}

	@Override
	int otherPort() {
		return Instances.port(two);
	}

	private static boolean reachable() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", STOMP_PORT), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
