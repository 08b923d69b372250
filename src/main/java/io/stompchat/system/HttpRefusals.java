package io.stompchat.system;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every HTTP refusal is {@code application/problem+json} (RFC 9457) with a
 * machine-readable {@code error} beside the standard fields; never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class HttpRefusals extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(HttpRefusals.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(Refusal refusal) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(refusal.getStatus(), refusal.getMessage());
		problem.setProperty("error", refusal.getError());
		return ResponseEntity.status(refusal.getStatus()).body(problem);
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> failed(RuntimeException ex) {
		log.error("Request failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				"The server could not handle this request.");
		problem.setProperty("error", "internal_error");
		return ResponseEntity.internalServerError().body(problem);
	}

}
