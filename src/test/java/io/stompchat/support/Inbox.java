package io.stompchat.support;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import org.awaitility.Awaitility;

/**
 * What one subscription received, in order, as JSON.
 */
public final class Inbox {

	static final Duration TIMEOUT = Duration.ofSeconds(15);

	private final String destination;

	private final List<JsonNode> received = new CopyOnWriteArrayList<>();

	private final List<Timed> timed = new CopyOnWriteArrayList<>();

	Inbox(String destination) {
		this.destination = destination;
	}

	void add(JsonNode payload) {
		this.timed.add(new Timed(payload, System.nanoTime()));
		this.received.add(payload);
	}

	/**
	 * Every payload with the {@link System#nanoTime()} of its arrival, for the benchmark.
	 * @return the payloads with arrival times
	 */
	public List<Timed> timedAll() {
		return List.copyOf(this.timed);
	}

	public List<JsonNode> all() {
		return List.copyOf(this.received);
	}

	/**
	 * The messages of the given type, in order of arrival.
	 * @param type CHAT, JOIN, LEAVE, TYPING, PRESENCE...
	 * @return those received so far
	 */
	public List<JsonNode> ofType(String type) {
		return this.received.stream().filter((node) -> type.equals(node.path("type").asString(""))).toList();
	}

	/**
	 * The stored messages (those with a {@code seq}), without the ephemeral
	 * {@code TYPING} and {@code PRESENCE} events that share a room's topic.
	 * @return those received so far, in order of arrival
	 */
	public List<JsonNode> messages() {
		return this.received.stream().filter((node) -> node.has("seq")).toList();
	}

	/**
	 * Waits until at least n stored messages arrived, ephemeral events aside.
	 * @param n how many
	 * @return the stored messages received
	 */
	public List<JsonNode> awaitMessages(int n) {
		Awaitility.await()
			.atMost(TIMEOUT)
			.alias(n + " messages on " + this.destination + " (got " + this.received.size() + " payloads)")
			.until(() -> messages().size() >= n);
		return messages();
	}

	/**
	 * Waits until a payload matches.
	 * @param condition what to wait for
	 * @return the first matching payload
	 */
	public JsonNode await(Predicate<JsonNode> condition) {
		Awaitility.await()
			.atMost(TIMEOUT)
			.alias("a payload on " + this.destination + " (got " + this.received + ")")
			.until(() -> this.received.stream().anyMatch(condition));
		return this.received.stream().filter(condition).findFirst().orElseThrow();
	}

	/**
	 * Waits until at least n payloads arrived.
	 * @param n how many
	 * @return all received
	 */
	public List<JsonNode> awaitCount(int n) {
		Awaitility.await()
			.atMost(TIMEOUT)
			.alias(n + " payloads on " + this.destination + " (got " + this.received.size() + ")")
			.until(() -> this.received.size() >= n);
		return all();
	}

	/**
	 * A payload and when it arrived.
	 *
	 * @param payload the payload
	 * @param arrivedAt its arrival, in {@link System#nanoTime()}
	 */
	public record Timed(JsonNode payload, long arrivedAt) {
	}

	@Override
	public String toString() {
		return this.destination + this.received;
	}

}
