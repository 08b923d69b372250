package io.stompchat.presence;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.stompchat.system.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each user has {@link #BURST} typing updates at once and one more every {@link #REFILL};
 * beyond that an update is refused with 429. Idle users are forgotten every
 * {@link #FORGET_EVERY_MS} ms.
 */
@Component
class TypingRateLimit {

	static final int BURST = 10;

	static final Duration REFILL = Duration.ofMillis(500);

	static final long FORGET_EVERY_MS = 250;

	private final TypingQuota quota = new TypingQuota(BURST, REFILL);

	/**
	 * Takes one update from the user's quota.
	 * @param username the user
	 * @throws Refusal 429 when the user has none left
	 */
	void take(String username) {
		if (!this.quota.tryTake(username, System.nanoTime())) {
			throw new Refusal(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
					"Too many typing updates; at most one every " + REFILL.toMillis() + " ms.");
		}
	}

	@Scheduled(fixedDelay = FORGET_EVERY_MS, initialDelay = FORGET_EVERY_MS, timeUnit = TimeUnit.MILLISECONDS)
	void forgetIdle() {
		this.quota.forgetIdle(System.nanoTime());
	}

}
