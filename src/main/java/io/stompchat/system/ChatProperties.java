package io.stompchat.system;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code chat.*}; every one can be given as an environment variable
 * ({@code CHAT_BROKER_RELAY_HOST}, ...). Each has its one default here; a value out of
 * range stops the start with a message naming the property.
 *
 * @param allowedOrigins origins allowed to open {@code /ws} besides the page's own
 * @param heartbeatMs heart-beat interval the broker offers clients
 * @param limits size limits
 * @param login sign-in throttling
 * @param broker broker settings
 * @param websocket WebSocket settings
 */
@ConfigurationProperties("chat")
public record ChatProperties(@DefaultValue List<String> allowedOrigins, @DefaultValue("25000") long heartbeatMs,
		@DefaultValue Limits limits, @DefaultValue Login login, @DefaultValue Broker broker,
		@DefaultValue WebSocket websocket) {

	public ChatProperties {
		atLeast("chat.heartbeat-ms", heartbeatMs, 0);
	}

	/**
	 * @param frameSize largest inbound STOMP frame in bytes
	 * @param sendTimeMs how long a send to one slow client may take before it is cut off
	 * @param sendBufferSize bytes buffered for one slow client before it is cut off
	 * @param frameHeaders most headers one inbound STOMP frame may carry
	 * @param subscriptionsPerSession most live subscriptions of one STOMP session
	 * @param connectionsPerUser most open WebSocket/SockJS sessions of one user
	 * @param connectionsPerAddress most open WebSocket/SockJS sessions from one address
	 * @param messagesPerWindow stored messages (chat, join, leave) one user may send per
	 * window
	 * @param sendsPerWindow SEND frames of any kind one user may send per window
	 * @param rateWindow the window of both rates
	 * @param requestBody largest HTTP request body under {@code /api/**} in bytes
	 */
	public record Limits(@DefaultValue("65536") int frameSize, @DefaultValue("15000") int sendTimeMs,
			@DefaultValue("524288") int sendBufferSize, @DefaultValue("32") int frameHeaders,
			@DefaultValue("64") int subscriptionsPerSession, @DefaultValue("10") int connectionsPerUser,
			@DefaultValue("100") int connectionsPerAddress, @DefaultValue("120") int messagesPerWindow,
			@DefaultValue("360") int sendsPerWindow, @DefaultValue("30s") Duration rateWindow,
			@DefaultValue("65536") int requestBody) {

		public Limits {
			atLeast("chat.limits.frame-size", frameSize, 1);
			atLeast("chat.limits.send-time-ms", sendTimeMs, 1);
			atLeast("chat.limits.send-buffer-size", sendBufferSize, 1);
			atLeast("chat.limits.frame-headers", frameHeaders, 1);
			atLeast("chat.limits.subscriptions-per-session", subscriptionsPerSession, 1);
			atLeast("chat.limits.connections-per-user", connectionsPerUser, 1);
			atLeast("chat.limits.connections-per-address", connectionsPerAddress, 1);
			atLeast("chat.limits.messages-per-window", messagesPerWindow, 1);
			atLeast("chat.limits.sends-per-window", sendsPerWindow, 1);
			positive("chat.limits.rate-window", rateWindow);
			atLeast("chat.limits.request-body", requestBody, 1);
		}

	}

	/**
	 * @param maxFailures failed sign-ins of one name from one address before it is locked
	 * @param maxFailuresPerAddress failed sign-ins from one address, any names, before it
	 * is locked
	 * @param lockout how long failures are remembered and a lock lasts
	 */
	public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("100") int maxFailuresPerAddress,
			@DefaultValue("5m") Duration lockout) {

		public Login {
			atLeast("chat.login.max-failures", maxFailures, 1);
			atLeast("chat.login.max-failures-per-address", maxFailuresPerAddress, 1);
			positive("chat.login.lockout", lockout);
		}

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

		public Relay {
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("chat.broker.relay.port must be a TCP port (1-65535), was " + port);
			}
			if (host == null || host.isBlank()) {
				throw new IllegalArgumentException("chat.broker.relay.host must not be blank");
			}
		}

	}

	/**
	 * @param deflate negotiate permessage-deflate with clients that offer it; off because
	 * compressing each small chat frame costs more CPU than it saves bytes
	 * @param inboundThreads threads that handle inbound STOMP frames (the handlers run on
	 * them); a thread whose chat line waits for its batch's commit waits there without
	 * CPU, so there are enough of them for the lines of one batch and the next
	 */
	public record WebSocket(@DefaultValue("false") boolean deflate, @DefaultValue("32") int inboundThreads) {

		public WebSocket {
			atLeast("chat.websocket.inbound-threads", inboundThreads, 1);
		}

	}

	private static void atLeast(String property, long value, long least) {
		if (value < least) {
			throw new IllegalArgumentException(property + " must be at least " + least + ", was " + value);
		}
	}

	private static void positive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException(property + " must be a positive duration (e.g. 30s), was " + value);
		}
	}

}
