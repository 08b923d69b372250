package io.stompchat.system.stomp;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.stompchat.system.ChatProperties;
import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;
import io.stompchat.system.TokenBucket;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Checks on inbound STOMP frames after Spring Security has authorized them: at most
 * {@code chat.limits.frame-headers} headers, at most
 * {@code chat.limits.subscriptions-per-session} live subscriptions, the per-user SEND
 * rates, and only standard STOMP headers passed on, so nothing a client writes can reach
 * a broker relay as a broker-specific header ({@code x-queue-name}, {@code durable},
 * {@code persistent}, {@code client-id}, ...). Subscriptions with such headers are
 * refused by {@link WebSocketSecurityConfig}. The rates run on the system's clock, or on
 * a {@link TokenBucket.Ticker} bean when there is one (tests freeze time with it).
 */
@Component
class StompGate implements ChannelInterceptor {

	static final Set<String> CONNECT_HEADERS = Set.of("accept-version", "host", "heart-beat");

	static final Set<String> SEND_HEADERS = Set.of("destination", "content-type", "content-length", "receipt");

	static final Set<String> OTHER_HEADERS = Set.of("id", "receipt");

	/** SEND destinations that store a message. */
	static final Pattern STORING = Pattern
		.compile(Destinations.roomCommandPattern("chat", "join", "leave", "edit", "delete", "react"));

	private static final String APP = Destinations.APP + "/";

	private static final String SUBSCRIPTIONS = StompGate.class.getName() + ".subscriptions";

	private final ChatProperties.Limits limits;

	private final StompRefusals refusals;

	private final Map<String, TokenBucket> messages = new ConcurrentHashMap<>();

	private final Map<String, TokenBucket> sends = new ConcurrentHashMap<>();

	private final TokenBucket.Ticker ticker;

	StompGate(ChatProperties properties, StompRefusals refusals, ObjectProvider<TokenBucket.Ticker> ticker) {
		this.limits = properties.limits();
		this.refusals = refusals;
		this.ticker = ticker.getIfAvailable(TokenBucket.Ticker::system);
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (accessor == null || accessor.getCommand() == null) {
			return message;
		}
		int headers = accessor.toNativeHeaderMap().values().stream().mapToInt(List::size).sum();
		if (headers > this.limits.frameHeaders()) {
			throw new FrameRefusal("Too many headers: at most " + this.limits.frameHeaders() + " per frame.");
		}
		return switch (accessor.getCommand()) {
			case CONNECT, STOMP -> only(message, CONNECT_HEADERS);
			case SUBSCRIBE -> subscribed(message, accessor);
			case UNSUBSCRIBE -> unsubscribed(message, accessor);
			case SEND -> sent(message, accessor);
			default -> only(message, OTHER_HEADERS);
		};
	}

	private Message<?> subscribed(Message<?> message, StompHeaderAccessor accessor) {
		String destination = accessor.getDestination();
		Principal user = accessor.getUser();
		if (destination != null && destination.startsWith(APP) && user != null
				&& !bucket(this.sends, user, this.limits.sendsPerWindow()).tryTake()) {
			// a history subscription reads the database: it counts like a SEND
			throw new FrameRefusal("Too many requests: at most " + this.limits.sendsPerWindow() + " frames per "
					+ this.limits.rateWindow().toSeconds() + " s.");
		}
		if (destination != null && !destination.startsWith(APP)) {
			Set<String> ids = subscriptions(accessor);
			synchronized (ids) {
				if (!ids.contains(accessor.getSubscriptionId())
						&& ids.size() >= this.limits.subscriptionsPerSession()) {
					throw new FrameRefusal("Too many subscriptions: at most " + this.limits.subscriptionsPerSession()
							+ " per connection.");
				}
				ids.add(String.valueOf(accessor.getSubscriptionId()));
			}
		}
		return message;
	}

	private Message<?> unsubscribed(Message<?> message, StompHeaderAccessor accessor) {
		Set<String> ids = subscriptions(accessor);
		synchronized (ids) {
			ids.remove(String.valueOf(accessor.getSubscriptionId()));
		}
		return only(message, OTHER_HEADERS);
	}

	@SuppressWarnings("unchecked")
	private static Set<String> subscriptions(StompHeaderAccessor accessor) {
		Map<String, Object> attributes = accessor.getSessionAttributes();
		if (attributes == null) {
			return ConcurrentHashMap.newKeySet();
		}
		synchronized (attributes) {
			return (Set<String>) attributes.computeIfAbsent(SUBSCRIPTIONS, (key) -> ConcurrentHashMap.newKeySet());
		}
	}

	private Message<?> sent(Message<?> message, StompHeaderAccessor accessor) {
		Principal user = accessor.getUser();
		String destination = accessor.getDestination();
		if (user != null && destination != null) {
			boolean storing = STORING.matcher(destination).matches();
			boolean allowed = bucket(this.sends, user, this.limits.sendsPerWindow()).tryTake()
					&& (!storing || bucket(this.messages, user, this.limits.messagesPerWindow()).tryTake());
			if (!allowed) {
				tooMany(user, accessor.getSessionId(), destination, accessor.getReceipt());
				return null;
			}
		}
		return only(message, SEND_HEADERS);
	}

	private TokenBucket bucket(Map<String, TokenBucket> buckets, Principal user, int capacity) {
		return buckets.computeIfAbsent(user.getName(), (name) -> new TokenBucket(capacity,
				this.limits.rateWindow().dividedBy(Math.max(1, capacity)), this.ticker));
	}

	private void tooMany(Principal user, String sessionId, String destination, String receipt) {
		this.refusals.reply(user.getName(), sessionId,
				new Refusal(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
						"Too many messages: at most " + this.limits.messagesPerWindow() + " messages and "
								+ this.limits.sendsPerWindow() + " frames per " + this.limits.rateWindow().toSeconds()
								+ " s. Wait a moment."),
				destination, receipt);
	}

	/**
	 * The message with only the given native headers; the others never reach a handler or
	 * a broker.
	 */
	private static Message<?> only(Message<?> message, Set<String> allowed) {
		StompHeaderAccessor accessor = StompHeaderAccessor.wrap(message);
		Map<String, List<String>> nativeHeaders = accessor.toNativeHeaderMap();
		if (allowed.containsAll(nativeHeaders.keySet())) {
			return message;
		}
		nativeHeaders.keySet().stream().filter((name) -> !allowed.contains(name)).forEach(accessor::removeNativeHeader);
		return MessageBuilder.createMessage(message.getPayload(), accessor.getMessageHeaders());
	}

}
