package io.stompchat.system.stomp;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.stompchat.system.Destinations;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.NativeMessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.socket.TextMessage;

/**
 * A room's broadcast with the in-memory broker, encoded once: the STOMP MESSAGE frame is
 * built once per message and each subscriber's copy differs only in its
 * {@code subscription} and {@code message-id} headers; it goes straight to the
 * subscriber's {@link Outbox}, in the publishing thread and in publishing order. (Handing
 * the writes to a thread per core was measured too: on 2 cores shared with the load it
 * cost more than it spread.) Spring's broker would instead make a message per subscriber
 * and pass each through the outbound channel's executor, its interceptors and the STOMP
 * encoder: the cost per delivery that the benchmark measured (docs/bench).
 * <p>
 * Only MESSAGEs to {@code /topic/room.{id}} on their way to the simple broker take this
 * path; the broker still keeps the subscriptions (it sees every SUBSCRIBE, UNSUBSCRIBE
 * and DISCONNECT), and everything else takes Spring's path. The rule of
 * {@link RoomSubscriptions} for removed members holds here too. Through the broker relay
 * the broker delivers each copy, and nothing changes.
 */
@Component
class RoomBroadcasts implements ExecutorChannelInterceptor {

	private static final String ROOM_TOPIC = Destinations.roomTopic("");

	/** Spring numbers the MESSAGE frames it writes per server the same way. */
	private static final AtomicLong messageIds = new AtomicLong();

	private final Connections connections;

	private final RoomSubscriptions subscriptions;

	RoomBroadcasts(Connections connections, RoomSubscriptions subscriptions) {
		this.connections = connections;
		this.subscriptions = subscriptions;
	}

	@Override
	public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
		if (!(handler instanceof SimpleBrokerMessageHandler broker) || !isRoomMessage(message)) {
			return message;
		}
		if (broker.isRunning()) {
			broadcast(message, broker.getSubscriptionRegistry().findSubscriptions(message));
		}
		return null;
	}

	private static boolean isRoomMessage(Message<?> message) {
		MessageHeaders headers = message.getHeaders();
		String destination = SimpMessageHeaderAccessor.getDestination(headers);
		return SimpMessageHeaderAccessor.getMessageType(headers) == SimpMessageType.MESSAGE && destination != null
				&& destination.startsWith(ROOM_TOPIC) && message.getPayload() instanceof byte[];
	}

	private void broadcast(Message<?> message, MultiValueMap<String, String> subscribers) {
		if (subscribers.isEmpty()) {
			return;
		}
		Frame frame = Frame.of(message);
		String left = RoomSubscriptions.leftHeader(message.getHeaders());
		for (Map.Entry<String, List<String>> subscriber : subscribers.entrySet()) {
			String sessionId = subscriber.getKey();
			Outbox outbox = this.connections.outbox(sessionId);
			if (outbox == null) {
				continue;
			}
			for (String subscriptionId : subscriber.getValue()) {
				if (this.subscriptions.delivers(sessionId, subscriptionId, left)) {
					outbox.sendMessage(new TextMessage(frame.to(sessionId, subscriptionId)));
				}
			}
		}
	}

	/**
	 * A MESSAGE frame less its subscriber's headers, as Spring's STOMP encoder writes it:
	 * the command, the headers (escaped), {@code content-length}, a blank line, the body
	 * and a NUL.
	 *
	 * @param head the command and the headers every subscriber gets
	 * @param tail the content length, the blank line, the body and the NUL
	 */
	record Frame(String head, String tail) {

		static Frame of(Message<?> message) {
			MessageHeaders headers = message.getHeaders();
			byte[] payload = (byte[]) message.getPayload();
			StringBuilder head = new StringBuilder(160).append("MESSAGE\n");
			header(head, "destination", SimpMessageHeaderAccessor.getDestination(headers));
			Object contentType = headers.get(MessageHeaders.CONTENT_TYPE);
			if (contentType != null) {
				header(head, "content-type", contentType.toString());
			}
			if (headers.get(NativeMessageHeaderAccessor.NATIVE_HEADERS) instanceof Map<?, ?> nativeHeaders) {
				nativeHeaders.forEach((name, values) -> {
					if (!isOwnHeader(name) && values instanceof List<?> list) {
						list.forEach((value) -> header(head, String.valueOf(name), String.valueOf(value)));
					}
				});
			}
			String tail = "content-length:" + payload.length + "\n\n" + new String(payload, StandardCharsets.UTF_8)
					+ "\0";
			return new Frame(head.toString(), tail);
		}

		String to(String sessionId, String subscriptionId) {
			StringBuilder frame = new StringBuilder(
					this.head.length() + this.tail.length() + sessionId.length() + subscriptionId.length() + 48);
			frame.append(this.head);
			header(frame, "subscription", subscriptionId);
			header(frame, "message-id", sessionId + "-" + messageIds.getAndIncrement());
			return frame.append(this.tail).toString();
		}

		private static boolean isOwnHeader(Object name) {
			return "destination".equals(name) || "content-type".equals(name) || "subscription".equals(name)
					|| "message-id".equals(name) || "content-length".equals(name);
		}

		private static void header(StringBuilder frame, String name, String value) {
			escape(frame, name);
			frame.append(':');
			escape(frame, value);
			frame.append('\n');
		}

		private static void escape(StringBuilder frame, String text) {
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				switch (c) {
					case '\\' -> frame.append("\\\\");
					case ':' -> frame.append("\\c");
					case '\n' -> frame.append("\\n");
					case '\r' -> frame.append("\\r");
					default -> frame.append(c);
				}
			}
		}

	}

}
