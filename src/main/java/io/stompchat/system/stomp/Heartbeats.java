package io.stompchat.system.stomp;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

/**
 * Heart-beats take the short way, both ways: an idle connection costs the server little
 * more than its two heart-beats per interval (10,000 idle connections send and receive
 * about 1,000 of each per second).
 * <p>
 * Inbound (first on the client inbound channel), a client's heart-beat is handed straight
 * to the broker handler on the thread that decoded it, and goes no further: the in-memory
 * broker notes the session's last read time from it (a client silent for three of its
 * intervals is dropped), the relay forwards it to the client's broker connection. No
 * handler, interceptor or executor thread of the inbound channel has anything to do with
 * a heart-beat (they would each be handed it: the method handlers, the user destination
 * handler and the broker, three executor tasks), and Spring Session's interceptor does
 * not touch the HTTP session for one. A heart-beat of a session whose CONNECT was not
 * accepted takes the usual way, to be refused there.
 * <p>
 * Outbound (first on the client outbound channel), a heart-beat to a client, the simple
 * broker's or the relay's, is written straight to the session's {@link Outbox} on the
 * thread that sends it, instead of a hand-over to the outbound executor, the STOMP
 * encoder and Spring's session decorator: a STOMP heart-beat is one end of line, the same
 * text for every session. Heart-beats reach the channel in order when publish order is
 * preserved, as every other frame does.
 */
@Component
class Heartbeats {

	/** STOMP's heart-beat: one end of line. */
	static final TextMessage HEARTBEAT = new TextMessage("\n");

	private final Connections connections;

	private final ObjectProvider<AbstractBrokerMessageHandler> brokers;

	/** The broker handler in use, found at the first heart-beat. */
	private volatile AbstractBrokerMessageHandler broker;

	/**
	 * Spring declares both broker handlers and leaves the unused one null; the one in use
	 * is looked up at the first heart-beat, since the broker is built from the
	 * configuration that registers these interceptors.
	 * @param connections the sessions' outboxes
	 * @param brokers the broker handler in use
	 */
	Heartbeats(Connections connections, ObjectProvider<AbstractBrokerMessageHandler> brokers) {
		this.connections = connections;
		this.brokers = brokers;
	}

	/**
	 * The inbound side, registered first on the client inbound channel.
	 * @return the interceptor
	 */
	ChannelInterceptor inbound() {
		return new ChannelInterceptor() {
			@Override
			public Message<?> preSend(Message<?> message, MessageChannel channel) {
				return received(message) ? null : message;
			}
		};
	}

	/**
	 * The outbound side, registered first on the client outbound channel.
	 * @return the interceptor
	 */
	ChannelInterceptor outbound() {
		return new ChannelInterceptor() {
			@Override
			public Message<?> preSend(Message<?> message, MessageChannel channel) {
				return sent(message) ? null : message;
			}
		};
	}

	/**
	 * Hands a client's heart-beat to the broker.
	 * @param message an inbound frame
	 * @return whether it was a heart-beat, now handled
	 */
	boolean received(Message<?> message) {
		MessageHeaders headers = message.getHeaders();
		if (SimpMessageHeaderAccessor.getMessageType(headers) != SimpMessageType.HEARTBEAT
				|| SimpMessageHeaderAccessor.getSessionId(headers) == null) {
			return false;
		}
		Map<String, Object> attributes = SimpMessageHeaderAccessor.getSessionAttributes(headers);
		if (!ErrorFrameInterceptor.isConnected(attributes)) {
			return false;
		}
		AbstractBrokerMessageHandler handler = broker();
		if (handler == null) {
			return false;
		}
		handler.handleMessage(message);
		return true;
	}

	/**
	 * Writes a heart-beat to its session.
	 * @param message an outbound message
	 * @return whether it was a heart-beat, now written (or its session is gone)
	 */
	boolean sent(Message<?> message) {
		MessageHeaders headers = message.getHeaders();
		if (SimpMessageHeaderAccessor.getMessageType(headers) != SimpMessageType.HEARTBEAT) {
			return false;
		}
		String sessionId = SimpMessageHeaderAccessor.getSessionId(headers);
		if (sessionId == null) {
			return false;
		}
		Outbox outbox = this.connections.outbox(sessionId);
		if (outbox != null) {
			outbox.sendMessage(HEARTBEAT);
		}
		return true;
	}

	private AbstractBrokerMessageHandler broker() {
		AbstractBrokerMessageHandler handler = this.broker;
		if (handler == null) {
			handler = this.brokers.stream().findFirst().orElse(null);
			this.broker = handler;
		}
		return handler;
	}

}
