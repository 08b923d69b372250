package io.stompchat.account;

import java.util.List;

import io.stompchat.system.Refusal;

import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/users?q=}: find people by the start of their name, to add them to a
 * group or start a direct chat. Online means connected, on any instance.
 */
@RestController
class UsersController {

	static final int MAX_RESULTS = 20;

	private final Users users;

	private final SimpUserRegistry registry;

	UsersController(Users users, SimpUserRegistry registry) {
		this.users = users;
		this.registry = registry;
	}

	@GetMapping("/api/users")
	List<UserView> find(@RequestParam(required = false) String q) {
		if (q == null || q.isEmpty() || q.codePointCount(0, q.length()) > 32) {
			throw Refusal.invalid("invalid_query", "'q' is required: 1 to 32 characters.");
		}
		return this.users.startingWith(q, MAX_RESULTS)
			.stream()
			.map((name) -> new UserView(name, this.registry.getUser(name) != null))
			.toList();
	}

	/**
	 * A user found.
	 *
	 * @param username the name
	 * @param online whether they are connected
	 */
	record UserView(String username, boolean online) {
	}

}
