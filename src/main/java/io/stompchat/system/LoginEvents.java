package io.stompchat.system;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Tells {@link LoginFailures} of every sign-in Spring Security checked: form login and
 * HTTP Basic alike.
 */
@Component
class LoginEvents {

	private final LoginFailures failures;

	LoginEvents(LoginFailures failures) {
		this.failures = failures;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		this.failures.failed(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		this.failures.succeeded(event.getAuthentication().getName(), address(event.getAuthentication()));
	}

	private static String address(Authentication authentication) {
		return (authentication.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "unknown";
	}

}
