package io.stompchat.support;

import java.util.stream.Stream;

import io.stompchat.ChatApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts whole server instances outside the Spring test context, for tests that need two
 * of them or settings of their own: on the broker relay, on PostgreSQL, on a data folder.
 * Each listens on a free port, without JMX.
 */
public final class Instances {

	private Instances() {
	}

	/**
	 * Starts an instance.
	 * @param settings application properties as {@code key=value}
	 * @return the running instance; close it
	 */
	public static ConfigurableApplicationContext start(String... settings) {
		String[] args = Stream.concat(Stream.of("server.port=0", "spring.jmx.enabled=false"), Stream.of(settings))
			.map((setting) -> "--" + setting)
			.toArray(String[]::new);
		return new SpringApplicationBuilder(ChatApplication.class).run(args);
	}

	/**
	 * Starts an instance on the broker relay (guest/guest, virtual host {@code /}) with
	 * an in-memory database that every instance given the same name shares.
	 * @param brokerPort the broker's STOMP port on 127.0.0.1
	 * @param database the name of the in-memory database
	 * @return the running instance; close it
	 */
	public static ConfigurableApplicationContext onRelay(int brokerPort, String database) {
		return start("spring.datasource.url=jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1",
				"chat.broker.relay.enabled=true", "chat.broker.relay.host=127.0.0.1",
				"chat.broker.relay.port=" + brokerPort, "chat.broker.relay.login=guest",
				"chat.broker.relay.passcode=guest", "chat.broker.relay.virtual-host=/");
	}

	/**
	 * The HTTP port an instance listens on.
	 * @param instance the instance
	 * @return its port
	 */
	public static int port(ConfigurableApplicationContext instance) {
		return ((WebServerApplicationContext) instance).getWebServer().getPort();
	}

	/**
	 * Closes the instances that were started; null ones are skipped.
	 * @param instances the instances
	 */
	public static void close(ConfigurableApplicationContext... instances) {
		for (ConfigurableApplicationContext instance : instances) {
			if (instance != null) {
				instance.close();
			}
		}
	}

}
