package io.stompchat.system;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * A {@link Refusal} thrown by a REST controller is answered as a problem detail
 * ({@link ProblemWriter}); what Spring MVC refuses itself (malformed JSON, a parameter of
 * the wrong type) gets its {@code error} code too; any other failure is a 500 problem
 * detail, never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
class HttpRefusals extends ResponseEntityExceptionHandler {

	private static final Log log = LogFactory.getLog(HttpRefusals.class);

	@ExceptionHandler
	ResponseEntity<ProblemDetail> refused(Refusal refusal) {
		return ResponseEntity.status(refusal.getStatus())
			.body(ProblemWriter.problem(refusal.getStatus(), refusal.getError(), refusal.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> failed(RuntimeException ex) {
		log.error("Request failed", ex);
		return ResponseEntity.internalServerError()
			.body(ProblemWriter.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
					"The server could not handle this request."));
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem
				&& (problem.getProperties() == null || !problem.getProperties().containsKey("error"))) {
			problem.setProperty("error", ProblemWriter.errorFor(ex, statusCode));
		}
		return response;
	}

}
