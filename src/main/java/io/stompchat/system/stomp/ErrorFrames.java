package io.stompchat.system.stomp;

import java.util.Map;

import io.stompchat.system.Texts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.Message;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompConversionException;
import org.springframework.messaging.simp.stomp.StompEncoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.web.socket.messaging.StompSubProtocolErrorHandler;

/**
 * The one writer of STOMP ERROR frames, sent when a frame is refused outright: the frame
 * says why in a sentence, never with internals (channel names, class names), and Spring
 * closes the connection after it. Each refusal is logged in one escaped line.
 * <p>
 * Spring calls it for frames the STOMP handler cannot decode or process;
 * {@link ErrorFrameInterceptor} for frames refused by an inbound interceptor;
 * {@link Connections} for connections over the limit.
 */
class ErrorFrames extends StompSubProtocolErrorHandler {

	private static final Log logger = LogFactory.getLog(ErrorFrames.class);

	private static final byte[] EMPTY = new byte[0];

	private static final String SENT = ErrorFrames.class.getName() + ".sent";

	@Override
	public Message<byte[]> handleClientMessageProcessingError(Message<byte[]> clientMessage, Throwable ex) {
		StompHeaderAccessor client = (clientMessage != null)
				? MessageHeaderAccessor.getAccessor(clientMessage, StompHeaderAccessor.class) : null;
		return frame(client, reason(ex, client));
	}

	/**
	 * The ERROR frame answering a client frame, logged.
	 * @param client the refused frame's headers, or null when it could not be read
	 * @param reason why, in a sentence
	 * @return the ERROR frame, for the client's session
	 */
	static Message<byte[]> frame(StompHeaderAccessor client, String reason) {
		log((client != null) ? client.getCommand() : "frame", (client != null) ? client.getSessionId() : null,
				(client != null && client.getUser() != null) ? client.getUser().getName() : null, reason);
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason);
		if (client != null) {
			error.setSessionId(client.getSessionId());
			if (client.getReceipt() != null) {
				error.setReceiptId(client.getReceipt());
			}
		}
		error.setLeaveMutable(true);
		return MessageBuilder.createMessage(EMPTY, error.getMessageHeaders());
	}

	/**
	 * Whether this session may still get its ERROR frame: only once, since Spring closes
	 * the connection after it, and a second ERROR racing the first could close it before
	 * the first is written.
	 * @param client the refused frame's headers
	 * @return true the first time for a session
	 */
	static boolean firstFor(StompHeaderAccessor client) {
		Map<String, Object> attributes = client.getSessionAttributes();
		if (attributes == null) {
			return true;
		}
		synchronized (attributes) {
			return attributes.putIfAbsent(SENT, Boolean.TRUE) == null;
		}
	}

	/**
	 * An ERROR frame as bytes on the wire, for a session without STOMP yet.
	 * @param sessionId the WebSocket session
	 * @param user the signed-in user, or null
	 * @param reason why, in a sentence
	 * @return the encoded frame
	 */
	static byte[] encoded(String sessionId, String user, String reason) {
		log("connection", sessionId, user, reason);
		StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
		error.setMessage(reason);
		return new StompEncoder().encode(error.getMessageHeaders(), EMPTY);
	}

	/**
	 * One escaped line per refused frame. Spring's own STOMP handler log is switched off
	 * in application.properties: it writes client bytes, header values and CSRF tokens
	 * unescaped.
	 */
	private static void log(Object command, String sessionId, String user, String reason) {
		if (logger.isInfoEnabled()) {
			logger.info("Refused STOMP " + command + " in session " + Texts.forLog(sessionId)
					+ ((user != null) ? " of " + Texts.forLog(user) : "") + ": " + Texts.forLog(reason));
		}
	}

	/**
	 * Words the refusal of a frame.
	 * @param ex why it was refused
	 * @param client the refused frame's headers, or null when it could not be read
	 * @return a sentence for the client
	 */
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
