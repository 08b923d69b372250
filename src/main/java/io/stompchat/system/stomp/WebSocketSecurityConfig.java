package io.stompchat.system.stomp;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.stompchat.system.Destinations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.socket.EnableWebSocketSecurity;
import org.springframework.security.messaging.access.intercept.MessageMatcherDelegatingAuthorizationManager;
import org.springframework.security.messaging.util.matcher.MessageMatcher;

/**
 * Who may send which STOMP frame. CONNECT needs a signed-in user and the CSRF token
 * (checked by {@link EnableWebSocketSecurity}); clients SEND only to {@code /app/**};
 * they SUBSCRIBE only to a room's topic, a room's history and their own
 * {@code /user/queue/**}. Everything else is denied with an ERROR frame, and the
 * connection is closed.
 */
@Configuration
@EnableWebSocketSecurity
class WebSocketSecurityConfig {

	static final Pattern SUBSCRIBABLE = Pattern.compile(String.join("|", Destinations.ROOM_TOPIC_PATTERN,
			Destinations.ROOM_HISTORY_PATTERN, Pattern.quote(Destinations.userQueue(Destinations.ERRORS)),
			Pattern.quote(Destinations.userQueue(Destinations.ROOMS))));

	/** Any {@code /app} destination; one no handler serves is answered with 404. */
	static final Pattern SENDABLE = Pattern.compile(Destinations.APP + "/[^*#>]+");

	/** Headers a SUBSCRIBE may carry; any other could reach a broker relay. */
	static final Set<String> SUBSCRIBE_HEADERS = Set.of("destination", "id", "ack", "receipt");

	@Bean
	AuthorizationManager<Message<?>> messageAuthorizationManager(
			MessageMatcherDelegatingAuthorizationManager.Builder messages) {
		MessageMatcher<Object> selector = (message) -> nativeHeaders(message).containsKey("selector");
		MessageMatcher<Object> brokerHeaders = (
				message) -> SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.SUBSCRIBE
						&& !SUBSCRIBE_HEADERS.containsAll(nativeHeaders(message).keySet());
		return messages.matchers(selector, brokerHeaders)
			.denyAll()
			.simpTypeMatchers(SimpMessageType.CONNECT, SimpMessageType.HEARTBEAT, SimpMessageType.UNSUBSCRIBE,
					SimpMessageType.DISCONNECT)
			.authenticated()
			.matchers(frame(SimpMessageType.MESSAGE, SENDABLE))
			.authenticated()
			.matchers(frame(SimpMessageType.SUBSCRIBE, SUBSCRIBABLE))
			.authenticated()
			.anyMessage()
			.denyAll()
			.build();
	}

	private static Map<?, ?> nativeHeaders(Message<?> message) {
		return (message.getHeaders().get(SimpMessageHeaderAccessor.NATIVE_HEADERS) instanceof Map<?, ?> headers)
				? headers : Map.of();
	}

	private static MessageMatcher<Object> frame(SimpMessageType type, Pattern destination) {
		return (message) -> {
			String target = SimpMessageHeaderAccessor.getDestination(message.getHeaders());
			return type == SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) && target != null
					&& destination.matcher(target).matches();
		};
	}

}
