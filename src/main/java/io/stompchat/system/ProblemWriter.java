package io.stompchat.system;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;

/**
 * The one shape of an HTTP refusal: {@code application/problem+json} (RFC 9457) with a
 * machine-readable {@code error} beside the standard fields, never a stack trace.
 * Controllers' refusals return {@link #problem} through {@link HttpRefusals}; servlet
 * filters and security handlers, which run outside Spring MVC, {@link #write} it; the
 * problems Spring MVC writes itself (a malformed body, a parameter of the wrong type) get
 * their code from {@link #errorFor}.
 */
final class ProblemWriter {

	private static final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter();

	/** The problem type when the status says it all (RFC 9457, section 4.2.1). */
	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private ProblemWriter() {
	}

	/**
	 * A problem detail.
	 * @param status the HTTP status
	 * @param error a stable, machine-readable code
	 * @param detail a sentence for people
	 * @return the problem detail
	 */
	static ProblemDetail problem(HttpStatus status, String error, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(ABOUT_BLANK);
		problem.setProperty("error", error);
		return problem;
	}

	/**
	 * The code of a refusal that Spring MVC answers itself, before any controller runs.
	 * @param ex what Spring MVC refused
	 * @param status the status it answers with
	 * @return {@code invalid_json} for a body that cannot be read,
	 * {@code invalid_parameter} for a parameter that is missing or of the wrong type
	 * ({@code before=abc}, {@code limit=1.5}), else the status's name in lower case
	 * ({@code bad_request}, ...)
	 */
	static String errorFor(Exception ex, HttpStatusCode status) {
		if (ex instanceof HttpMessageNotReadableException) {
			return "invalid_json";
		}
		if (ex instanceof TypeMismatchException || ex instanceof MissingServletRequestParameterException) {
			return "invalid_parameter";
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.name().toLowerCase(Locale.ROOT) : "http_" + status.value();
	}

	/**
	 * Answers a request with a problem detail, outside Spring MVC.
	 * @param response the response, not yet committed
	 * @param status the HTTP status
	 * @param error a stable, machine-readable code
	 * @param detail a sentence for people
	 * @throws IOException when the response cannot be written
	 */
	static void write(HttpServletResponse response, HttpStatus status, String error, String detail) throws IOException {
		response.setStatus(status.value());
		ServletServerHttpResponse out = new ServletServerHttpResponse(response);
		json.write(problem(status, error, detail), MediaType.APPLICATION_PROBLEM_JSON, out);
		out.flush();
	}

}
