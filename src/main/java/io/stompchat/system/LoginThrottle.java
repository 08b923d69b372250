package io.stompchat.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in throttling: after {@code chat.login.max-failures} failed sign-ins of one name
 * from one address, or {@code chat.login.max-failures-per-address} from one address with
 * any names, further attempts are refused at once, without checking the password, until
 * {@code chat.login.lockout} has passed since the first failure. Known and unknown names
 * are counted alike, so the lock tells nothing about which names exist. The form login is
 * sent back to {@code /login?throttled}; HTTP Basic gets 429 with {@code Retry-After}.
 */
@Component
class LoginThrottle {

	private final ChatProperties.Login settings;

	private final Clock clock;

	private final Map<String, Failures> failures = new ConcurrentHashMap<>();

	LoginThrottle(ChatProperties properties) {
		this.settings = properties.login();
		this.clock = Clock.systemUTC();
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		String address = address(event.getAuthentication());
		count(nameKey(event.getAuthentication().getName(), address));
		count(addressKey(address));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.failures.remove(nameKey(event.getAuthentication().getName(), address(event.getAuthentication())));
	}

	/**
	 * How long sign-ins of this name from this address stay refused.
	 * @param name the name tried
	 * @param address the client's address
	 * @return the time left, or zero when a sign-in may be tried
	 */
	Duration lockedFor(String name, String address) {
		Instant now = this.clock.instant();
		Duration byName = left(nameKey(name, address), this.settings.maxFailures(), now);
		Duration byAddress = left(addressKey(address), this.settings.maxFailuresPerAddress(), now);
		return (byName.compareTo(byAddress) >= 0) ? byName : byAddress;
	}

	private Duration left(String key, int max, Instant now) {
		Failures found = this.failures.get(key);
		if (found == null || found.count() < max) {
			return Duration.ZERO;
		}
		Duration left = Duration.between(now, found.since().plus(this.settings.lockout()));
		return left.isNegative() ? Duration.ZERO : left;
	}

	private void count(String key) {
		Instant now = this.clock.instant();
		if (this.failures.size() > 100_000) {
			this.failures.values().removeIf((f) -> f.since().plus(this.settings.lockout()).isBefore(now));
		}
		this.failures.compute(key, (k, old) -> (old == null || old.since().plus(this.settings.lockout()).isBefore(now))
				? new Failures(1, now) : new Failures(old.count() + 1, old.since()));
	}

	private static String nameKey(String name, String address) {
		return "name:" + Texts.fold((name != null) ? name : "") + "|" + address;
	}

	private static String addressKey(String address) {
		return "address:" + address;
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "unknown";
	}

	/**
	 * The servlet filter in front of form login and HTTP Basic.
	 * @return the filter
	 */
	OncePerRequestFilter filter() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				boolean form = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
				String name = form ? request.getParameter("username") : basicName(request);
				if (name == null && !form) {
					chain.doFilter(request, response);
					return;
				}
				Duration locked = lockedFor(name, request.getRemoteAddr());
				if (locked.isZero()) {
					chain.doFilter(request, response);
				}
				else if (form) {
					response.sendRedirect(request.getContextPath() + "/login?throttled");
				}
				else {
					tooMany(response, locked);
				}
			}

		};
	}

	private static void tooMany(HttpServletResponse response, Duration locked) throws IOException {
		long seconds = Math.max(1, locked.toSeconds());
		response.setStatus(429);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream()
			.write(("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
					+ "\"detail\":\"Too many failed sign-ins. Try again in " + seconds + " s.\","
					+ "\"error\":\"login_throttled\"}")
				.getBytes(StandardCharsets.UTF_8));
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

	record Failures(int count, Instant since) {
	}

}
