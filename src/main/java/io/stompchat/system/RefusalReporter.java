package io.stompchat.system;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;

/**
 * The first interceptor of the inbound channel, ahead of Spring Security's: when a later
 * one refuses a frame (access denied, {@link FrameRefusal}), it sends the client an ERROR
 * frame, after which Spring closes the connection.
 * <p>
 * Needed because with {@code preserveReceiveOrder} the STOMP handler no longer sees such
 * exceptions: the ordered channel decorator only logs them, and the frame would be
 * dropped in silence. For the same reason a frame behind a refused CONNECT would be
 * handled, so this interceptor lets only sessions with an accepted CONNECT through.
 */
@Configuration
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusalReporter implements WebSocketMessageBrokerConfigurer, ChannelInterceptor {

	private static final byte[] EMPTY = new byte[0];

	private static final String CONNECTED = RefusalReporter.class.getName() + ".connected";

	private static final String REFUSED = RefusalReporter.class.getName() + ".refused";

	private final ObjectProvider<MessageChannel> clientOutboundChannel;

	RefusalReporter(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutboundChannel) {
		this.clientOutboundChannel = clientOutboundChannel;
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this);
	}

	/**
	 * Drops, with an ERROR frame, every frame of a session whose CONNECT was not
	 * accepted, such as a SEND right behind a refused CONNECT in the same WebSocket
	 * message.
	 */
	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		StompHeaderAccessor client = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (client == null || client.getCommand() == null || client.getSessionId() == null
				|| client.getCommand() == StompCommand.DISCONNECT) {
			return message;
		}
		Map<String, Object> attributes = client.getSessionAttributes();
		if (client.getCommand() == StompCommand.CONNECT || client.getCommand() == StompCommand.STOMP) {
			if (attributes != null) {
				// taken back at once in afterSendCompletion when a later interceptor
				// refuses it
				attributes.put(CONNECTED, Boolean.TRUE);
			}
			return message;
		}
		if (attributes == null || !Boolean.TRUE.equals(attributes.get(CONNECTED))) {
			error(client, "The first frame must be CONNECT, and it must be accepted.");
			return null;
		}
		return message;
	}

	@Override
	public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
		StompHeaderAccessor client = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
		if (client == null || client.getSessionId() == null || client.getCommand() == null) {
			return;
		}
		if (ex == null) {
			return;
		}
		boolean connect = client.getCommand() == StompCommand.CONNECT || client.getCommand() == StompCommand.STOMP;
		if (connect && client.getSessionAttributes() != null) {
			client.getSessionAttributes().remove(CONNECTED);
		}
		error(client, FrameErrors.reason(ex, client));
	}

	/**
	 * Sends the session its ERROR frame, once: Spring closes the connection after it, and
	 * a second ERROR racing the first could close it before the first is written.
	 */
	private void error(StompHeaderAccessor client, String reason) {
		FrameErrors.log(client.getCommand(), client.getSessionId(), reason);
		Map<String, Object> attributes = client.getSessionAttributes();
		if (attributes != null) {
			synchronized (attributes) {
				if (attributes.putIfAbsent(REFUSED, Boolean.TRUE) != null) {
					return;
				}
			}
		}
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason);
		error.setSessionId(client.getSessionId());
		if (client.getReceipt() != null) {
			error.setReceiptId(client.getReceipt());
		}
		error.setLeaveMutable(true);
		this.clientOutboundChannel.getObject().send(MessageBuilder.createMessage(EMPTY, error.getMessageHeaders()));
	}

}
