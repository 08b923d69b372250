package io.stompchat.account;

import java.security.Principal;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

	@GetMapping("/api/me")
	Me me(Principal principal) {
		return new Me(principal.getName());
	}

	/**
	 * The token that state-changing requests and the STOMP CONNECT frame carry.
	 * @param token the request's CSRF token
	 * @return its header, parameter name and value
	 */
	@GetMapping("/api/csrf")
	Csrf csrf(CsrfToken token) {
		return new Csrf(token.getHeaderName(), token.getParameterName(), token.getToken());
	}

	record Me(String username) {
	}

	record Csrf(String headerName, String parameterName, String token) {
	}

}
