package io.stompchat.presence;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per user: {@code burst} typing updates at once, then one every
 * {@code refill}. Pure state: the caller passes the time ({@link System#nanoTime()}).
 */
final class TypingQuota {

	private final int burst;

	private final long refill;

	private final Map<String, Bucket> buckets = new HashMap<>();

	TypingQuota(int burst, Duration refill) {
		this.burst = burst;
		this.refill = refill.toNanos();
	}

	/**
	 * Takes one update from the user's bucket.
	 * @param username the user
	 * @param now the time in nanos
	 * @return false when the user has none left
	 */
	synchronized boolean tryTake(String username, long now) {
		Bucket bucket = this.buckets.computeIfAbsent(username, (name) -> new Bucket(this.burst, now));
		refill(bucket, now);
		if (bucket.tokens == 0) {
			return false;
		}
		bucket.tokens--;
		return true;
	}

	/**
	 * Forgets full buckets, so that the map holds only users typing lately.
	 * @param now the time in nanos
	 */
	synchronized void forgetIdle(long now) {
		this.buckets.values().removeIf((bucket) -> {
			refill(bucket, now);
			return bucket.tokens == this.burst;
		});
	}

	synchronized int size() {
		return this.buckets.size();
	}

	private void refill(Bucket bucket, long now) {
		long earned = (now - bucket.refilledAt) / this.refill;
		if (earned > 0) {
			bucket.tokens = (int) Math.min(this.burst, bucket.tokens + earned);
			bucket.refilledAt = (bucket.tokens == this.burst) ? now : bucket.refilledAt + earned * this.refill;
		}
	}

	private static final class Bucket {

		private int tokens;

		private long refilledAt;

		Bucket(int tokens, long refilledAt) {
			this.tokens = tokens;
			this.refilledAt = refilledAt;
		}

	}

}
