package io.stompchat.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets the entered sessions that no instance reports any more in the
 * {@link SimpUserRegistry}, every {@link #SWEEP_EVERY_S} seconds, once they are older
 * than {@link #GRACE}: that covers an instance that crashed without writing its
 * disconnects.
 */
@Component
class PresenceSweep {

	static final long SWEEP_EVERY_S = 15;

	/** Longer than the registry broadcast of the relay (every 10 s, kept for 20 s). */
	static final Duration GRACE = Duration.ofSeconds(60);

	private static final Log logger = LogFactory.getLog(PresenceSweep.class);

	private final JoinedSessions joined;

	private final RoomPresence presence;

	PresenceSweep(JoinedSessions joined, RoomPresence presence) {
		this.joined = joined;
		this.presence = presence;
	}

	@Scheduled(fixedDelay = SWEEP_EVERY_S, initialDelay = SWEEP_EVERY_S, timeUnit = TimeUnit.SECONDS)
	void sweep() {
		try {
			for (JoinedSession row : this.joined.findByJoinedAtBefore(Instant.now().minus(GRACE))) {
				if (!this.presence.isConnected(row.getUsername(), row.getSessionId())) {
					this.presence.left(row.getRoomId(), row.getUsername(), row.getSessionId());
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Could not sweep presence", ex);
		}
	}

}
