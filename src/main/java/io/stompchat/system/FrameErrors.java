package io.stompchat.system;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The ERROR frame of a refused frame says why in a sentence, never with internals
 * (channel names, class names). Spring closes the connection after it.
 */
class FrameErrors extends StompSubProtocolErrorHandler {

	private static final Log logger = LogFactory.getLog(FrameErrors.class);

	private static final byte[] EMPTY = new byte[0];

	/**
	 * One escaped line per refused frame. Spring's own STOMP handler log is switched off
	 * in application.properties: it writes client bytes, header values and CSRF tokens
	 * unescaped.
	 */
	static void log(Object command, String sessionId, String reason) {
		if (logger.isInfoEnabled()) {
			logger.info("Refused STOMP " + command + " in session " + Texts.forLog(sessionId) + ": "
					+ Texts.forLog(reason));
		}
	}

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		StompHeaderAccessor client = (clientMessage != null)
				? MessageHeaderAccessor.getAccessor(clientMessage, StompHeaderAccessor.class) : null;
		error.setMessage(reason(ex, client));
		error.setLeaveMutable(true);
		log((client != null) ? client.getCommand() : "frame", (client != null) ? client.getSessionId() : null,
				error.getMessage());
		if (client != null && client.getReceipt() != null) {
			error.setReceiptId(client.getReceipt());
		}
		return MessageBuilder.createMessage(EMPTY, error.getMessageHeaders());
	}

	static String reason(Throwable ex, StompHeaderAccessor client) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof FrameRefusal) {
				return cause.getMessage();
			}
			if (cause instanceof CsrfException) {
				return "CONNECT needs a valid X-CSRF-TOKEN header (GET /api/csrf).";
			}
			if (cause instanceof AccessDeniedException) {
				return denied(client);
			}
			if (cause instanceof StompConversionException) {
				String detail = String.valueOf(cause.getMessage());
				if (detail.contains("size limit")) {
					return "Frame too large: at most 64 KiB.";
				}
				return "Malformed STOMP frame: " + Texts.forLog(detail);
			}
			String detail = String.valueOf(cause.getMessage());
			if (detail.startsWith("Unknown session")) {
				return "The first frame must be CONNECT.";
			}
			if (detail.startsWith("Session already exists")) {
				return "Already connected: a second CONNECT is not allowed.";
			}
		}
		return (client == null) ? "Malformed STOMP frame." : "Frame refused.";
	}

	private static String denied(StompHeaderAccessor client) {
		if (client == null || client.getCommand() == null) {
			return "Not allowed.";
		}
		String destination = client.getDestination();
		return "Not allowed: " + client.getCommand() + ((destination != null) ? " " + Texts.forLog(destination) : "")
				+ ". Clients send only to /app/**; they subscribe only to /topic/room.{id},"
				+ " /app/room.{id}.history and /user/queue/**, without selector or broker headers.";
	}

}
