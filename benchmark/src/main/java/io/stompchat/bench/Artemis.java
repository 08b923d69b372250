package io.stompchat.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

/**
 * An ActiveMQ Artemis broker for the relay workload, in a JVM of its own (so its CPU is neither the
 * server's nor the load generator's): {@code java -cp stomp-chat-bench.jar io.stompchat.bench.Artemis PORT}.
 */
public final class Artemis implements AutoCloseable {

	final int port;

	final long pid;

	private final Process process;

	private Artemis(int port, Process process) {
		this.port = port;
		this.process = process;
		this.pid = process.pid();
	}

	static Artemis start(Path log) throws IOException, InterruptedException {
		int port = Server.freePort();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		String jar = Path.of(Artemis.class.getProtectionDomain().getCodeSource().getLocation().getPath()).toString();
		Process p = new ProcessBuilder(java, "-Xmx512m", "-cp", jar, Artemis.class.getName(), Integer.toString(port))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
				Log.info("Artemis up on port %d (pid %d)", port, p.pid());
				return new Artemis(port, p);
			}
			catch (IOException ex) {
				Thread.sleep(200);
			}
		}
		p.destroyForcibly();
		throw new IllegalStateException("Artemis did not start; see " + log);
	}

	/** The server properties that point the broker relay at this broker. */
	List<String> relayProperties() {
		return List.of("--chat.broker.relay.enabled=true", "--chat.broker.relay.host=127.0.0.1",
				"--chat.broker.relay.port=" + this.port);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	public static void main(String[] args) throws Exception {
		ConfigurationImpl configuration = new ConfigurationImpl();
		configuration.setPersistenceEnabled(false);
		configuration.setSecurityEnabled(false);
		configuration.setJMXManagementEnabled(false);
		configuration.addAcceptorConfiguration("stomp", "tcp://0.0.0.0:" + args[0]
				+ "?protocols=STOMP;anycastPrefix=/queue/;multicastPrefix=/topic/;heartBeatToConnectionTtlModifier=6");
		EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
		broker.setConfiguration(configuration);
		broker.start();
		Thread.currentThread().join();
	}

}
