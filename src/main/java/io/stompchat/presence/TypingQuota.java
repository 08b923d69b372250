package io.stompchat.presence;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.stompchat.system.TokenBucket;

/**
 * A token bucket per user: {@code burst} typing updates at once, then one every
 * {@code refill}. Pure state: the caller passes the time ({@link System#nanoTime()}).
 */
final class TypingQuota {

	private final int burst;

	private final Duration refill;

	private final Map<String, TokenBucket> buckets = new HashMap<>();

	/** The time of the call in progress: the buckets' clock. */
	private long now;

	TypingQuota(int burst, Duration refill) {
		this.burst = burst;
		this.refill = refill;
	}

	/**
	 * Takes one update from the user's bucket.
	 * @param username the user
	 * @param now the time in nanos
	 * @return false when the user has none left
	 */
	synchronized boolean tryTake(String username, long now) {
		this.now = now;
		return this.buckets
			.computeIfAbsent(username, (name) -> new TokenBucket(this.burst, this.refill, () -> this.now))
			.tryTake();
	}

	/**
	 * Forgets full buckets, so that the map holds only users typing lately.
	 * @param now the time in nanos
	 */
	synchronized void forgetIdle(long now) {
		this.now = now;
		this.buckets.values().removeIf(TokenBucket::isFull);
	}

	synchronized int size() {
		return this.buckets.size();
	}

}
