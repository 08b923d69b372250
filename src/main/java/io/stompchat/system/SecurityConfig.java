package io.stompchat.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * HTTP security: form login for pages, HTTP Basic as well for {@code /api/**}, 401 (not a
 * redirect) for {@code /api/**} and the {@code /ws/**} handshake, CSRF on every
 * state-changing request that a browser could forge.
 */
@Configuration
class SecurityConfig {

	static final String CSP = "default-src 'self'; script-src 'self' "
			// the one inline script of SockJS's /ws/iframe.html, for the iframe
			// transports
			+ "'sha256-zDZQ3v76eQUDEG4E4vyDZwRUEg5qy5iVJ6jsxCVRvtY='; style-src 'self'; img-src 'self' data:; "
			+ "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'self'";

	@Bean
	SecurityFilterChain web(HttpSecurity http, SecurityContextRepository securityContextRepository,
			LoginFailures loginFailures, ChatProperties properties, ObjectProvider<LogoutHandler> logoutHandlers) {
		RequestMatcher apiOrSocket = new OrRequestMatcher(PathPatternRequestMatcher.pathPattern("/api/**"),
				PathPatternRequestMatcher.pathPattern("/ws/**"));
		AuthenticationEntryPoint unauthorized = (request, response, ex) -> ProblemWriter.write(response,
				HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first (form login or HTTP Basic).");
		AccessDeniedHandler forbidden = (request, response, ex) -> {
			if (ex instanceof CsrfException) {
				ProblemWriter.write(response, HttpStatus.FORBIDDEN, "invalid_csrf",
						"Send the X-CSRF-TOKEN header (GET /api/csrf).");
			}
			else {
				ProblemWriter.write(response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed.");
			}
		};
		http.addFilterBefore(new RequestBodyLimit(properties.limits().requestBody()), CsrfFilter.class)
			.addFilterBefore(new LoginThrottle(loginFailures), UsernamePasswordAuthenticationFilter.class);
		AuthenticationEntryPoint toLogin = new LoginUrlAuthenticationEntryPoint("/login");
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/signup", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**", "/actuator/prometheus",
					// the REST API's description is open: it holds no data
					"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			.securityContext((context) -> context.securityContextRepository(securityContextRepository))
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
			.httpBasic((basic) -> basic.authenticationEntryPoint(unauthorized))
			// the STOMP edge closes the WebSocket sessions of the HTTP session signing
			// out
			.logout((logout) -> {
				logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout");
				logoutHandlers.orderedStream().forEach(logout::addLogoutHandler);
			})
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				if (apiOrSocket.matches(request)) {
					unauthorized.commence(request, response, ex);
				}
				else {
					toLogin.commence(request, response, ex);
				}
			}).defaultAccessDeniedHandlerFor(forbidden, apiOrSocket))
			// SockJS posts frames over HTTP: the STOMP CONNECT frame carries the token
			// instead.
			// A request with Basic credentials cannot be forged by another site's page.
			.csrf((csrf) -> csrf.ignoringRequestMatchers(PathPatternRequestMatcher.pathPattern("/ws/**"),
					SecurityConfig::hasBasicCredentials))
			.headers((headers) -> headers.frameOptions((frame) -> frame.sameOrigin())
				.contentSecurityPolicy((csp) -> csp.policyDirectives(CSP))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	private static boolean hasBasicCredentials(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
	}

}
