package io.stompchat.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Looks up accounts by name for other modules: the canonical spelling of a name, and
 * names starting with a prefix.
 */
@Component
@Transactional(readOnly = true)
public class Users {

	private final Accounts accounts;

	Users(Accounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * The name of an account as spelled at sign-up.
	 * @param name the name in any case
	 * @return the canonical name, or empty when there is no such account
	 */
	public Optional<String> canonical(String name) {
		if (!Names.isValidUsername(name)) {
			return Optional.empty();
		}
		return this.accounts.findByUsernameKey(Names.key(name)).map(Account::getUsername);
	}

	/**
	 * Names starting with a prefix, ignoring case, in order.
	 * @param prefix 1 to 32 characters
	 * @param limit at most this many
	 * @return the names
	 */
	public List<String> startingWith(String prefix, int limit) {
		String escaped = Names.key(prefix).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return this.accounts.findNamesStartingWith(escaped, Limit.of(limit));
	}

}
