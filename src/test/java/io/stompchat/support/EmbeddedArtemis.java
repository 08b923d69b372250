package io.stompchat.support;

import java.io.IOException;
import java.net.ServerSocket;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * A real ActiveMQ Artemis broker in the test JVM, speaking STOMP the way a production
 * Artemis is set up for the relay: {@code /topic/} multicast, {@code /queue/} anycast.
 */
public final class EmbeddedArtemis implements AutoCloseable {

	private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();

	private final int port;

	private EmbeddedArtemis(int port) throws Exception {
		this.port = port;
		ConfigurationImpl configuration = new ConfigurationImpl();
		configuration.setPersistenceEnabled(false);
		configuration.setSecurityEnabled(false);
		configuration.setJMXManagementEnabled(false);
		configuration.addAcceptorConfiguration("stomp", "tcp://127.0.0.1:" + port
				+ "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/;heartBeatToConnectionTtlModifier=6");
		this.broker.setConfiguration(configuration);
		this.broker.start();
	}

	public static EmbeddedArtemis start() throws Exception {
		return new EmbeddedArtemis(freePort());
	}

	public int port() {
		return this.port;
	}

	@Override
	public void close() throws Exception {
		this.broker.stop();
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
