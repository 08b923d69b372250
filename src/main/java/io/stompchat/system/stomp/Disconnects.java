package io.stompchat.system.stomp;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;

/**
 * A DISCONNECT frame ends the session at once, on every transport and with either broker:
 * the server closes the WebSocket or SockJS session itself, so presence drops now rather
 * than when a SockJS transport times out. When the DISCONNECT asked for a receipt, the
 * session is closed right after that RECEIPT was written.
 * <p>
 * Registered on both channels: inbound it sees the broker handle the DISCONNECT; outbound
 * it sees the RECEIPT written (by the simple broker's DISCONNECT_ACK, or by the relay's
 * broker).
 */
@Component
class Disconnects implements ExecutorChannelInterceptor {

	static final CloseStatus DISCONNECTED = CloseStatus.NORMAL.withReason("DISCONNECT");

	private final Connections connections;

	/** Sessions whose DISCONNECT asked for a receipt that is not written yet. */
	private final Set<String> awaitingReceipt = ConcurrentHashMap.newKeySet();

	Disconnects(Connections connections) {
		this.connections = connections;
	}

	/**
	 * Notes a DISCONNECT that asked for a receipt before the broker handles it: the
	 * broker may write the RECEIPT on the outbound channel before this thread returns.
	 */
	@Override
	public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
		String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
		if (sessionId != null && handler instanceof AbstractBrokerMessageHandler
				&& SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) == SimpMessageType.DISCONNECT
				&& Receipts.of(message.getHeaders()) != null) {
			this.awaitingReceipt.add(sessionId);
		}
		return message;
	}

	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
		String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
		if (sessionId == null) {
			return;
		}
		SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(message.getHeaders());
		if (type == SimpMessageType.DISCONNECT && handler instanceof AbstractBrokerMessageHandler) {
			if (Receipts.of(message.getHeaders()) == null) {
				this.awaitingReceipt.remove(sessionId);
				this.connections.close(sessionId, DISCONNECTED);
			}
		}
		else if (this.awaitingReceipt.contains(sessionId) && isReceipt(message, type)
				&& !(handler instanceof AbstractBrokerMessageHandler)) {
			this.awaitingReceipt.remove(sessionId);
			this.connections.close(sessionId, DISCONNECTED);
		}
	}

	private static boolean isReceipt(Message<?> message, SimpMessageType type) {
		return type == SimpMessageType.DISCONNECT_ACK
				|| StompHeaderAccessor.getCommand(message.getHeaders()) == StompCommand.RECEIPT;
	}

}
