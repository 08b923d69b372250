package io.stompchat.support;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two server instances on the broker relay to one embedded ActiveMQ Artemis, sharing one
 * database: what a test class needs to show that something crosses instances. Start it
 * once per class ({@code @BeforeAll}) and close it after ({@code @AfterAll}).
 */
public final class RelayPair implements AutoCloseable {

	private final EmbeddedArtemis artemis;

	private final ConfigurableApplicationContext one;

	private final ConfigurableApplicationContext two;

	private RelayPair(EmbeddedArtemis artemis, ConfigurableApplicationContext one, ConfigurableApplicationContext two) {
		this.artemis = artemis;
		this.one = one;
		this.two = two;
	}

	/**
	 * Starts the broker, then both instances.
	 * @param database the name of the in-memory database the two share
	 * @return the running pair
	 * @throws Exception when the broker does not start
	 */
	public static RelayPair start(String database) throws Exception {
		EmbeddedArtemis artemis = EmbeddedArtemis.start();
		return new RelayPair(artemis, Instances.onRelay(artemis.port(), database),
				Instances.onRelay(artemis.port(), database));
	}

	public ConfigurableApplicationContext one() {
		return this.one;
	}

	public ConfigurableApplicationContext two() {
		return this.two;
	}

	public int portOne() {
		return Instances.port(this.one);
	}

	public int portTwo() {
		return Instances.port(this.two);
	}

	/**
	 * Closes both instances, then the broker.
	 * @param pair the pair, or null when it did not start
	 * @throws Exception when the broker does not stop
	 */
	public static void close(RelayPair pair) throws Exception {
		if (pair != null) {
			pair.close();
		}
	}

	@Override
	public void close() throws Exception {
		Instances.close(this.one, this.two);
		this.artemis.close();
	}

}
