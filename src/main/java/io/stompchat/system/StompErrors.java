package io.stompchat.system;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.annotation.MessageExceptionHandler;
import org.springframework.messaging.handler.annotation.support.MethodArgumentNotValidException;
import org.springframework.messaging.handler.annotation.support.MethodArgumentTypeMismatchException;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.annotation.SendToUser;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Every refused STOMP SEND or SUBSCRIBE is answered on the sender's
 * {@code /user/queue/errors}; the connection stays open.
 */
@ControllerAdvice
class StompErrors {

	private static final Log logger = LogFactory.getLog(StompErrors.class);

	@MessageExceptionHandler
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	StompError refused(Refusal refusal, MessageHeaders headers) {
		return new StompError(refusal.getStatus().value(), refusal.getError(), refusal.getMessage(),
				destination(headers));
	}

	@MessageExceptionHandler({ MessageConversionException.class, MethodArgumentNotValidException.class,
			MethodArgumentTypeMismatchException.class })
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	StompError unreadable(Exception ex, MessageHeaders headers) {
		return new StompError(400, "invalid_message", "The body is not JSON of the expected shape.",
				destination(headers));
	}

	@MessageExceptionHandler
	@SendToUser(destinations = "/queue/errors", broadcast = false)
	StompError failed(Exception ex, MessageHeaders headers) {
		logger.error("Failed to handle a frame to " + Texts.forLog(destination(headers)), ex);
		return new StompError(500, "internal_error", "The server could not handle this message.", destination(headers));
	}

	private static String destination(MessageHeaders headers) {
		return SimpMessageHeaderAccessor.getDestination(headers);
	}

}
