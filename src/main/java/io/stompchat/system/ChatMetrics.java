package io.stompchat.system;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Connection gauges for {@code /actuator/prometheus}; message counts and posting latency
 * are measured where messages are posted.
 */
@Component
class ChatMetrics {

	ChatMetrics(MeterRegistry registry, SimpUserRegistry users) {
		Gauge
			.builder("chat.connections", users,
					(registered) -> registered.getUsers().stream().mapToInt((user) -> user.getSessions().size()).sum())
			.description("STOMP sessions connected")
			.register(registry);
		Gauge.builder("chat.users.connected", users, SimpUserRegistry::getUserCount)
			.description("Users with at least one STOMP session")
			.register(registry);
	}

}
