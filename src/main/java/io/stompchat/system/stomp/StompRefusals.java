package io.stompchat.system.stomp;

import java.security.Principal;

import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;
import io.stompchat.system.Texts;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.handler.annotation.support.MethodArgumentTypeMismatchException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Every refused STOMP SEND or SUBSCRIBE is answered with a {@link RefusalReply} on the
 * sender's {@code /user/queue/errors}; the connection stays open. A {@link Refusal}
 * thrown by a handler is routed here by {@code @SendToUser}; one found before any handler
 * ({@link StompGate}) is sent through {@link #reply}.
 */
@ControllerAdvice
class StompRefusals {

	private static final Log logger = LogFactory.getLog(StompRefusals.class);

	private final ObjectProvider<SimpMessageSendingOperations> broker;

	StompRefusals(ObjectProvider<SimpMessageSendingOperations> broker) {
		this.broker = broker;
	}

	@MessageExceptionHandler
	@SendToUser(destinations = Destinations.ERRORS, broadcast = false)
	RefusalReply refused(Refusal refusal, MessageHeaders headers) {
		return answered(refusal, headers);
	}

	@MessageExceptionHandler({ MessageConversionException.class, MethodArgumentNotValidException.class,
			MethodArgumentTypeMismatchException.class })
	@SendToUser(destinations = Destinations.ERRORS, broadcast = false)
	RefusalReply unreadable(Exception ex, MessageHeaders headers) {
		return answered(Refusal.invalid("invalid_message", "The body is not JSON of the expected shape."), headers);
	}

	@MessageExceptionHandler
	@SendToUser(destinations = Destinations.ERRORS, broadcast = false)
	RefusalReply failed(Exception ex, MessageHeaders headers) {
		logger.error("Failed to handle a frame to " + Texts.forLog(destination(headers)), ex);
		return answered(new Refusal(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"The server could not handle this message."), headers);
	}

	/**
	 * A handler refused the frame: it gets no RECEIPT, and the reply names its receipt.
	 */
	private static RefusalReply answered(Refusal refusal, MessageHeaders headers) {
		Receipts.refused();
		Principal user = SimpMessageHeaderAccessor.getUser(headers);
		log(refusal, SimpMessageHeaderAccessor.getSessionId(headers), (user != null) ? user.getName() : null,
				destination(headers));
		return reply(refusal, destination(headers), Receipts.of(headers));
	}

	/**
	 * Answers a refusal found before any handler saw the frame.
	 * @param user the sender
	 * @param sessionId the sender's session: only it gets the reply
	 * @param refusal why
	 * @param destination the destination of the refused frame
	 */
	void reply(String user, String sessionId, Refusal refusal, String destination) {
		reply(user, sessionId, refusal, destination, null);
	}

	/**
	 * Answers a refusal found before any handler saw a frame that asked for a receipt.
	 * @param user the sender
	 * @param sessionId the sender's session: only it gets the reply
	 * @param refusal why
	 * @param destination the destination of the refused frame
	 * @param receipt the frame's {@code receipt} header, or null
	 */
	void reply(String user, String sessionId, Refusal refusal, String destination, String receipt) {
		log(refusal, sessionId, user, destination);
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		headers.setSessionId(sessionId);
		headers.setLeaveMutable(true);
		this.broker.getObject()
			.convertAndSendToUser(user, Destinations.ERRORS, reply(refusal, destination, receipt),
					headers.getMessageHeaders());
	}

	private static RefusalReply reply(Refusal refusal, String destination, String receipt) {
		return new RefusalReply(refusal.getStatus().value(), refusal.getError(), refusal.getMessage(), destination,
				receipt);
	}

	/**
	 * One line per refused SEND or SUBSCRIBE: session, user, destination and the error
	 * code, never the message text.
	 */
	private static void log(Refusal refusal, String sessionId, String user, String destination) {
		if (logger.isInfoEnabled()) {
			logger.info("Refused " + refusal.getStatus().value() + " " + refusal.getError() + " to "
					+ Texts.forLog(destination) + " in session " + Texts.forLog(sessionId)
					+ ((user != null) ? " of " + Texts.forLog(user) : ""));
		}
	}

	private static String destination(MessageHeaders headers) {
		return SimpMessageHeaderAccessor.getDestination(headers);
	}

}
