package io.stompchat.system;

import java.time.Duration;
import java.time.Instant;

import io.stompchat.system.SessionStore.LazyTouchSession;
import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request moves a session's stored last access only once it is a touch interval old, so
 * most requests write nothing to the session table.
 */
class SessionStoreTests {

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	@Test
	void anAccessWithinTheIntervalLeavesTheStoredSessionAsItWas() {
		MapSession stored = new MapSession();
		Instant stamped = stored.getLastAccessedTime();
		LazyTouchSession session = new LazyTouchSession(stored, INTERVAL);
		session.setLastAccessedTime(stamped.plusSeconds(59));
		assertThat(stored.getLastAccessedTime()).isEqualTo(stamped);
		assertThat(session.getLastAccessedTime()).isEqualTo(stamped);
	}

	@Test
	void anAccessAnIntervalLaterMovesTheStoredLastAccess() {
		MapSession stored = new MapSession();
		Instant later = stored.getLastAccessedTime().plus(INTERVAL);
		new LazyTouchSession(stored, INTERVAL).setLastAccessedTime(later);
		assertThat(stored.getLastAccessedTime()).isEqualTo(later);
	}

	@Test
	void attributesAndTheTimeoutGoStraightToTheStoredSession() {
		MapSession stored = new MapSession();
		LazyTouchSession session = new LazyTouchSession(stored, INTERVAL);
		session.setAttribute("name", "value");
		session.setMaxInactiveInterval(Duration.ofMinutes(5));
		assertThat((String) stored.getAttribute("name")).isEqualTo("value");
		assertThat(stored.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));
		session.removeAttribute("name");
		assertThat(stored.getAttributeNames()).isEmpty();
	}

	@Test
	void theTouchIntervalIsAQuarterOfTheTimeoutAtMostAMinute() {
		assertThat(SessionStore.touchInterval(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(1));
		assertThat(SessionStore.touchInterval(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(5));
	}

}
