package io.stompchat.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code chat.*}; every one can be given as an environment variable
 * ({@code CHAT_BROKER_RELAY_HOST}, ...).
 *
 * @param allowedOrigins origins allowed to open {@code /ws} besides the page's own
 * @param heartbeatMs heart-beat interval the broker offers clients
 * @param limits size limits
 * @param broker broker settings
 */
@ConfigurationProperties("chat")
public record ChatProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("10000") long heartbeatMs,
		@DefaultValue Limits limits, @DefaultValue Broker broker) {

	/**
	 * @param frameSize largest inbound STOMP frame in bytes
	 * @param sendTimeMs how long a send to one slow client may take before it is cut off
	 * @param sendBufferSize bytes buffered for one slow client before it is cut off
	 */
	public record Limits(@DefaultValue("65536") int frameSize, @DefaultValue("15000") int sendTimeMs,
			@DefaultValue("524288") int sendBufferSize) {
	}

	/**
	 * @param relay the STOMP broker relay; off means Spring's in-memory broker
	 */
	public record Broker(@DefaultValue Relay relay) {
	}

	/**
	 * @param enabled relay to an external broker instead of the in-memory one
	 * @param host broker host
	 * @param port broker STOMP port
	 * @param login broker login
	 * @param passcode broker passcode
	 * @param virtualHost broker virtual host ({@code /} for RabbitMQ)
	 */
	public record Relay(@DefaultValue("false") boolean enabled, @DefaultValue("localhost") String host,
			@DefaultValue("61613") int port, @DefaultValue("guest") String login,
			@DefaultValue("guest") String passcode, @DefaultValue("/") String virtualHost) {
	}

}
