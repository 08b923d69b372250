package io.stompchat.system;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token bucket against a clock moved by hand.
 */
class TokenBucketTests {

	private static final long SECOND = Duration.ofSeconds(1).toNanos();

	private long now = 42;

	private final TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(1), () -> this.now);

	@Test
	void aFullBucketAllowsABurstOfItsCapacity() {
		assertThat(this.bucket.tryTake()).isTrue();
		assertThat(this.bucket.tryTake()).isTrue();
		assertThat(this.bucket.tryTake()).isTrue();
		assertThat(this.bucket.tryTake()).isFalse();
	}

	@Test
	void anEmptyBucketEarnsOneTokenPerRefill() {
		emptyIt();
		this.now += SECOND - 1;
		assertThat(this.bucket.tryTake()).isFalse();
		this.now += 1;
		assertThat(this.bucket.tryTake()).isTrue();
		assertThat(this.bucket.tryTake()).isFalse();
	}

	@Test
	void partialRefillsAddUp() {
		emptyIt();
		this.now += SECOND / 2;
		assertThat(this.bucket.tryTake()).isFalse();
		this.now += SECOND / 2;
		assertThat(this.bucket.tryTake()).isTrue();
	}

	@Test
	void aBucketNeverHoldsMoreThanItsCapacity() {
		emptyIt();
		this.now += 100 * SECOND;
		emptyIt();
		assertThat(this.bucket.tryTake()).isFalse();
	}

	@Test
	void aBucketIsFullOnlyOnceEveryTokenIsEarnedBack() {
		assertThat(this.bucket.isFull()).isTrue();
		this.bucket.tryTake();
		assertThat(this.bucket.isFull()).isFalse();
		this.now += SECOND;
		assertThat(this.bucket.isFull()).isTrue();
	}

	private void emptyIt() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.bucket.tryTake()).isTrue();
		}
	}

}
