package io.stompchat.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The servlet filter in front of form login and HTTP Basic: while {@link LoginFailures}
 * keeps a name and address locked, attempts are refused at once, without checking the
 * password. The form login is sent back to {@code /login?throttled}; HTTP Basic gets 429
 * with {@code Retry-After}.
 */
final class LoginThrottle extends OncePerRequestFilter {

	private final LoginFailures failures;

	LoginThrottle(LoginFailures failures) {
		this.failures = failures;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
		String name = form ? request.getParameter("username") : basicName(request);
		if (name == null && !form) {
			chain.doFilter(request, response);
			return;
		}
		Duration locked = this.failures.lockedFor(name, request.getRemoteAddr());
		if (locked.isZero()) {
			chain.doFilter(request, response);
		}
		else if (form) {
			response.sendRedirect(request.getContextPath() + "/login?throttled");
		}
		else {
			long seconds = Math.max(1, locked.toSeconds());
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			ProblemWriter.write(response, HttpStatus.TOO_MANY_REQUESTS, "login_throttled",
					"Too many failed sign-ins. Try again in " + seconds + " s.");
		}
	}

	private static String basicName(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon >= 0) ? decoded.substring(0, colon) : decoded;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
