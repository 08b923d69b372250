package io.stompchat.system.stomp;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * The first interceptor of the inbound channel, ahead of Spring Security's: when a later
 * one refuses a frame (access denied, {@link FrameRefusal}), it sends the client an ERROR
 * frame ({@link ErrorFrames}), after which Spring closes the connection.
 * <p>
 * Needed because with {@code preserveReceiveOrder} the STOMP handler no longer sees such
 * exceptions: the ordered channel decorator only logs them, and the frame would be
 * dropped in silence. For the same reason a frame behind a refused CONNECT would be
 * handled, so this interceptor lets only sessions with an accepted CONNECT through.
 */
@Component
class ErrorFrameInterceptor implements ChannelInterceptor {

	private static final String CONNECTED = ErrorFrameInterceptor.class.getName() + ".connected";

	private final ObjectProvider<MessageChannel> clientOutboundChannel;

	ErrorFrameInterceptor(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutboundChannel) {
		this.clientOutboundChannel = clientOutboundChannel;
	}

	/**
	 * Whether a session's CONNECT was accepted.
	 * @param attributes the session's attributes
	 * @return true once the CONNECT passed every interceptor
	 */
	static boolean isConnected(Map<String, Object> attributes) {
		return attributes != null && Boolean.TRUE.equals(attributes.get(CONNECTED));
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
		if (!isConnected(attributes)) {
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
		error(client, ErrorFrames.reason(ex, client));
	}

	private void error(StompHeaderAccessor client, String reason) {
		Message<byte[]> frame = ErrorFrames.frame(client, reason);
		if (ErrorFrames.firstFor(client)) {
			this.clientOutboundChannel.getObject().send(frame);
		}
	}

}
