package io.stompchat.presence;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypingQuotaTests {

	static final long REFILL = Duration.ofMillis(500).toNanos();

	final TypingQuota quota = new TypingQuota(3, Duration.ofMillis(500));

	@Test
	void aBurstThenOneEveryRefill() {
		assertThat(this.quota.tryTake("alice", 0)).isTrue();
		assertThat(this.quota.tryTake("alice", 0)).isTrue();
		assertThat(this.quota.tryTake("alice", 0)).isTrue();
		assertThat(this.quota.tryTake("alice", 0)).isFalse();
		assertThat(this.quota.tryTake("alice", REFILL - 1)).isFalse();
		assertThat(this.quota.tryTake("alice", REFILL)).isTrue();
		assertThat(this.quota.tryTake("alice", REFILL)).isFalse();
	}

	@Test
	void eachUserHasTheirOwnBucket() {
		for (int i = 0; i < 3; i++) {
			this.quota.tryTake("alice", 0);
		}
		assertThat(this.quota.tryTake("alice", 0)).isFalse();
		assertThat(this.quota.tryTake("bob", 0)).isTrue();
	}

	@Test
	void aBucketNeverHoldsMoreThanTheBurst() {
		this.quota.tryTake("alice", 0);
		long later = 100 * REFILL;
		for (int i = 0; i < 3; i++) {
			assertThat(this.quota.tryTake("alice", later)).isTrue();
		}
		assertThat(this.quota.tryTake("alice", later)).isFalse();
	}

	@Test
	void fullBucketsAreForgotten() {
		this.quota.tryTake("alice", 0);
		this.quota.tryTake("bob", 0);
		this.quota.tryTake("bob", 0);
		this.quota.forgetIdle(REFILL);
		assertThat(this.quota.size()).isEqualTo(1);
		this.quota.forgetIdle(2 * REFILL);
		assertThat(this.quota.size()).isZero();
	}

}
