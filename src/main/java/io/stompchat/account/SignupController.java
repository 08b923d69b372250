package io.stompchat.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.stompchat.system.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Creates an account and signs it in at once. A taken or invalid name re-shows the form
 * with the reason (as message codes for the page) and creates nothing.
 */
@Controller
class SignupController {

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final UserDetailsService userDetailsService;

	private final SecurityContextRepository securityContextRepository;

	private final ApplicationEventPublisher events;

	private final SecurityContextHolderStrategy securityContextHolderStrategy = SecurityContextHolder
		.getContextHolderStrategy();

	SignupController(Accounts accounts, PasswordEncoder passwordEncoder, UserDetailsService userDetailsService,
			SecurityContextRepository securityContextRepository, ApplicationEventPublisher events) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.userDetailsService = userDetailsService;
		this.securityContextRepository = securityContextRepository;
		this.events = events;
	}

	@GetMapping("/signup")
	String form(Model model) {
		model.addAttribute("form", SignupForm.empty());
		return "signup";
	}

	@PostMapping("/signup")
	String signup(@ModelAttribute("form") SignupForm form, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		List<String> errors = validate(form);
		if (errors.isEmpty()) {
			try {
				this.accounts.saveAndFlush(
						new Account(form.username(), this.passwordEncoder.encode(form.password()), Instant.now()));
			}
			catch (DataIntegrityViolationException ex) {
				// another sign-up took the name between our check and our insert
				errors.add("signup.username.taken");
			}
		}
		if (!errors.isEmpty()) {
			model.addAttribute("form", new SignupForm(form.username(), ""));
			model.addAttribute("errors", errors);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "signup";
		}
		this.events.publishEvent(new AccountCreated(form.username()));
		signIn(form.username(), request, response);
		return "redirect:/";
	}

	private List<String> validate(SignupForm form) {
		List<String> errors = new ArrayList<>();
		if (!Names.isValidUsername(form.username())) {
			errors.add("signup.username.invalid");
		}
		else if (this.accounts.existsByUsernameKey(Names.key(form.username()))) {
			errors.add("signup.username.taken");
		}
		String password = form.password();
		int length = (password != null) ? password.codePointCount(0, password.length()) : 0;
		if (length < 8 || length > 128 || !Texts.isWellFormed(password)) {
			errors.add("signup.password.invalid");
		}
		return errors;
	}

	private void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
		UserDetails user = this.userDetailsService.loadUserByUsername(username);
		SecurityContext context = this.securityContextHolderStrategy.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		this.securityContextHolderStrategy.setContext(context);
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		this.securityContextRepository.saveContext(context, request, response);
	}

}
