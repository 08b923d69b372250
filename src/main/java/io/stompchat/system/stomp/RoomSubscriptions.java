package io.stompchat.system.stomp;

import java.security.Principal;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;
import io.stompchat.system.RoomReaders;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * Who receives a room's topic. Inbound, a SUBSCRIBE to {@code /topic/room.{id}} by a user
 * who may not read the room ({@link RoomReaders}) is answered on
 * {@code /user/queue/errors} like an unknown room (404) and dropped, so the broker never
 * sees it; the connection stays open. Outbound, a LEAVE event whose
 * {@link Destinations#LEFT_HEADER} names the user of the receiving session is delivered,
 * and every later message of that subscription is dropped: a member who leaves or is
 * removed stops receiving the room at once, on every instance, whichever broker delivers
 * (each instance sees the LEAVE its broker delivers to its own sessions). A new SUBSCRIBE
 * is checked again. The hot path costs one header lookup per delivery, and one map lookup
 * while some subscription is cut.
 */
@Component
class RoomSubscriptions implements ChannelInterceptor {

	private static final Pattern ROOM_TOPIC = Pattern.compile(Destinations.ROOM_TOPIC_PATTERN);

	private final RoomReaders readers;

	private final StompRefusals refusals;

	private final ObjectProvider<SimpUserRegistry> registry;

	/** Subscription ids whose delivery has stopped, by session id. */
	private final Map<String, Set<String>> cut = new ConcurrentHashMap<>();

	RoomSubscriptions(RoomReaders readers, StompRefusals refusals, ObjectProvider<SimpUserRegistry> registry) {
		this.readers = readers;
		this.refusals = refusals;
		this.registry = registry;
	}

	/**
	 * The inbound side, registered on the client inbound channel.
	 * @return the interceptor
	 */
	ChannelInterceptor inbound() {
		return new ChannelInterceptor() {
			@Override
			public Message<?> preSend(Message<?> message, MessageChannel channel) {
				return subscribing(message);
			}
		};
	}

	/**
	 * The outbound side, registered on the client outbound channel.
	 */
	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		MessageHeaders headers = message.getHeaders();
		String left = leftHeader(headers);
		if (left == null && this.cut.isEmpty()) {
			return message;
		}
		String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
		String subscriptionId = SimpMessageHeaderAccessor.getSubscriptionId(headers);
		if (sessionId == null || subscriptionId == null) {
			return message;
		}
		return delivers(sessionId, subscriptionId, left) ? message : null;
	}

	/**
	 * Whether one subscription still receives a room's message; the outbound rule above,
	 * for the room broadcasts that do not take the outbound channel.
	 * @param sessionId the subscriber's session
	 * @param subscriptionId its subscription
	 * @param left the user the message says has left the room, or null
	 * @return false once the subscription is cut
	 */
	boolean delivers(String sessionId, String subscriptionId, String left) {
		if (left == null && this.cut.isEmpty()) {
			return true;
		}
		Set<String> stopped = this.cut.get(sessionId);
		if (stopped != null && stopped.contains(subscriptionId)) {
			return false;
		}
		if (left != null && isSessionOf(left, sessionId)) {
			this.cut.computeIfAbsent(sessionId, (id) -> ConcurrentHashMap.newKeySet()).add(subscriptionId);
		}
		return true;
	}

	private Message<?> subscribing(Message<?> message) {
		MessageHeaders headers = message.getHeaders();
		SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(headers);
		String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
		if (type == SimpMessageType.DISCONNECT && sessionId != null) {
			this.cut.remove(sessionId);
		}
		else if (type == SimpMessageType.UNSUBSCRIBE) {
			resume(sessionId, SimpMessageHeaderAccessor.getSubscriptionId(headers));
		}
		else if (type == SimpMessageType.SUBSCRIBE) {
			String destination = SimpMessageHeaderAccessor.getDestination(headers);
			Matcher room = (destination != null) ? ROOM_TOPIC.matcher(destination) : null;
			if (room != null && room.matches()) {
				Principal user = SimpMessageHeaderAccessor.getUser(headers);
				if (user == null || !this.readers.mayRead(room.group(1), user.getName())) {
					if (user != null) {
						this.refusals.reply(user.getName(), sessionId, Refusal.unknownRoom(room.group(1)), destination,
								Receipts.of(headers));
					}
					return null;
				}
				resume(sessionId, SimpMessageHeaderAccessor.getSubscriptionId(headers));
			}
		}
		return message;
	}

	private void resume(String sessionId, String subscriptionId) {
		if (sessionId == null || subscriptionId == null) {
			return;
		}
		Set<String> stopped = this.cut.get(sessionId);
		if (stopped != null) {
			stopped.remove(subscriptionId);
			if (stopped.isEmpty()) {
				this.cut.remove(sessionId, stopped);
			}
		}
	}

	private boolean isSessionOf(String username, String sessionId) {
		SimpUser user = this.registry.getObject().getUser(username);
		return user != null && user.getSession(sessionId) != null;
	}

	static String leftHeader(MessageHeaders headers) {
		if (headers.get(SimpMessageHeaderAccessor.NATIVE_HEADERS) instanceof Map<?, ?> nativeHeaders
				&& nativeHeaders.get(Destinations.LEFT_HEADER) instanceof java.util.List<?> values
				&& !values.isEmpty()) {
			return String.valueOf(values.get(0));
		}
		return null;
	}

}
