package io.stompchat.system;

import java.time.Duration;

/**
 * A token bucket: it holds at most {@code capacity} tokens, starts full, and earns one
 * token back every {@code refill}; {@link #tryTake()} spends one. Time comes from the
 * {@link Ticker} it is given, so that tests can move it by hand.
 */
public final class TokenBucket {

	private final long nanosPerToken;

	private final long capacityNanos;

	private final Ticker ticker;

	/** Earned time in nanos; one token is worth {@link #nanosPerToken}. */
	private long credit;

	private long updated;

	/**
	 * A full bucket.
	 * @param capacity the most tokens it holds: the burst allowed at once
	 * @param refill the time it takes to earn one token back
	 * @param ticker the clock
	 */
	public TokenBucket(int capacity, Duration refill, Ticker ticker) {
		this.nanosPerToken = Math.max(1, refill.toNanos());
		this.capacityNanos = Math.max(1, capacity) * this.nanosPerToken;
		this.ticker = ticker;
		this.credit = this.capacityNanos;
		this.updated = ticker.nanos();
	}

	/**
	 * Spends one token, if there is one.
	 * @return false when the bucket is empty
	 */
	public synchronized boolean tryTake() {
		refill();
		if (this.credit < this.nanosPerToken) {
			return false;
		}
		this.credit -= this.nanosPerToken;
		return true;
	}

	/**
	 * Whether the bucket has earned back every token: its owner has been idle.
	 * @return true when full
	 */
	public synchronized boolean isFull() {
		refill();
		return this.credit == this.capacityNanos;
	}

	private void refill() {
		long now = this.ticker.nanos();
		this.credit = Math.min(this.capacityNanos, this.credit + Math.max(0, now - this.updated));
		this.updated = now;
	}

	/**
	 * A monotonic clock in nanoseconds.
	 */
	@FunctionalInterface
	public interface Ticker {

		/**
		 * The system's monotonic clock.
		 * @return {@link System#nanoTime()}
		 */
		static Ticker system() {
			return System::nanoTime;
		}

		/**
		 * The current time.
		 * @return nanoseconds since an arbitrary origin
		 */
		long nanos();

	}

}
