package io.stompchat.system.stomp;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.NativeMessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Acknowledged means done: a SEND to {@code /app/**} that carries a {@code receipt}
 * header gets its RECEIPT only after its {@code @MessageMapping} handler has returned
 * without a refusal, so after what it stored is committed (a duplicate {@code clientId}
 * counts as stored). A refused SEND gets no RECEIPT; its reply on
 * {@code /user/queue/errors} carries the receipt id instead ({@link StompRefusals}).
 * <p>
 * Spring answers no SEND receipt to {@code /app} by itself:
 * {@code StompSubProtocolHandler} only answers the receipt of a DISCONNECT, the simple
 * broker none, and the relay forwards only {@code /topic} and {@code /queue} frames to
 * the broker. So this is the one place RECEIPTs for application commands come from, on
 * the executor thread that ran the handler, whichever broker is in use.
 */
@Component
class Receipts implements ExecutorChannelInterceptor {

	private static final byte[] EMPTY = new byte[0];

	/** Set by {@link StompRefusals} on the thread of the handler that refused. */
	private static final ThreadLocal<Boolean> refused = new ThreadLocal<>();

	private final ObjectProvider<MessageChannel> clientOutboundChannel;

	Receipts(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutboundChannel) {
		this.clientOutboundChannel = clientOutboundChannel;
	}

	/**
	 * Notes that the frame being handled on this thread was refused: it gets no RECEIPT.
	 */
	static void refused() {
		refused.set(Boolean.TRUE);
	}

	/**
	 * The receipt a client asked for with a frame.
	 * @param headers the frame's headers
	 * @return the receipt id, or null
	 */
	static String of(Map<String, Object> headers) {
		return NativeMessageHeaderAccessor.getFirstNativeHeader(StompHeaderAccessor.STOMP_RECEIPT_HEADER, headers);
	}

	@Override
	public Message<?> beforeHandle(Message<?> message, MessageChannel channel, MessageHandler handler) {
		refused.remove();
		return message;
	}

	@Override
	public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
		boolean wasRefused = Boolean.TRUE.equals(refused.get());
		refused.remove();
		if (!(handler instanceof SimpAnnotationMethodMessageHandler) || ex != null || wasRefused
				|| SimpMessageHeaderAccessor.getMessageType(message.getHeaders()) != SimpMessageType.MESSAGE) {
			return;
		}
		String receipt = of(message.getHeaders());
		String sessionId = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
		if (receipt == null || sessionId == null) {
			return;
		}
		StompHeaderAccessor answer = StompHeaderAccessor.create(StompCommand.RECEIPT);
		answer.setReceiptId(receipt);
		answer.setSessionId(sessionId);
		this.clientOutboundChannel.getObject().send(MessageBuilder.createMessage(EMPTY, answer.getMessageHeaders()));
	}

}
