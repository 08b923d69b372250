package io.stompchat.system;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.stereotype.Component;

/**
 * The {@code broker} component of {@code /actuator/health}: DOWN (HTTP 503) while the
 * relay has no connection to its broker, so a load balancer stops sending clients to this
 * instance.
 */
@Component("broker")
class BrokerHealth extends AbstractHealthIndicator {

	private final AbstractBrokerMessageHandler broker;

	/**
	 * Spring declares both broker handlers and leaves the unused one null; the list holds
	 * the one in use.
	 * @param brokers the broker handler in use
	 */
	BrokerHealth(List<AbstractBrokerMessageHandler> brokers) {
		this.broker = brokers.get(0);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		boolean relay = this.broker instanceof StompBrokerRelayMessageHandler;
		builder.withDetail("type", relay ? "relay" : "simple");
		if (this.broker.isRunning() && this.broker.isBrokerAvailable()) {
			builder.up();
		}
		else {
			builder.down();
		}
	}

}
