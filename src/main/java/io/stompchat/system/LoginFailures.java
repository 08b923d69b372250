package io.stompchat.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Failed sign-ins, counted per name and address and per address: after
 * {@code chat.login.max-failures} failures of one name from one address, or
 * {@code chat.login.max-failures-per-address} from one address with any names, sign-ins
 * stay locked until {@code chat.login.lockout} has passed since the first failure. Known
 * and unknown names are counted alike, so the lock tells nothing about which names exist.
 */
@Component
class LoginFailures {

	private final ChatProperties.Login settings;

	private final Clock clock;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	LoginFailures(ChatProperties properties) {
		this.settings = properties.login();
		this.clock = Clock.systemUTC();
	}

	/**
	 * Counts a failed sign-in.
	 * @param name the name tried
	 * @param address the client's address
	 */
	void failed(String name, String address) {
		count(nameKey(name, address));
		count(addressKey(address));
	}

	/**
	 * Forgets the failures of a name from an address that has signed in.
	 * @param name the name signed in
	 * @param address the client's address
	 */
	void succeeded(String name, String address) {
		this.failures.remove(nameKey(name, address));
	}

	/**
	 * How long sign-ins of this name from this address stay refused.
	 * @param name the name tried
	 * @param address the client's address
	 * @return the time left, or zero when a sign-in may be tried
	 */
	Duration lockedFor(String name, String address) {
		Instant now = this.clock.instant();
		Duration byName = left(nameKey(name, address), this.settings.maxFailures(), now);
		Duration byAddress = left(addressKey(address), this.settings.maxFailuresPerAddress(), now);
		return (byName.compareTo(byAddress) >= 0) ? byName : byAddress;
	}

	private Duration left(String key, int max, Instant now) {
		Failures found = this.failures.get(key);
		if (found == null || found.count() < max) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(now, found.since().plus(this.settings.lockout()));
		return left.isNegative() ? Duration.ZERO : left;
	}

	private void count(String key) {
		Instant now = this.clock.instant();
		if (this.failures.size() > 100_000) {
			this.failures.values().removeIf((f) -> f.since().plus(this.settings.lockout()).isBefore(now));
		}
		this.failures.compute(key, (k, old) -> (old == null || old.since().plus(this.settings.lockout()).isBefore(now))
				? new Failures(1, now) : new Failures(old.count() + 1, old.since()));
	}

	private static String nameKey(String name, String address) {
		return "name:" + Texts.fold((name != null) ? name : "") + "|" + address;
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	record Failures(int count, Instant since) {
	}

}
