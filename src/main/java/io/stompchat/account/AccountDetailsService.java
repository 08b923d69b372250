package io.stompchat.account;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signs users in by their name in any case; the principal always carries the name as it
 * was registered, which is the only source of a message's sender.
 */
@Component
class AccountDetailsService implements UserDetailsService {

	private final Accounts accounts;

	AccountDetailsService(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return this.accounts.findByUsernameKey(Names.key(username == null ? "" : username))
			.map((account) -> User.withUsername(account.getUsername())
				.password(account.getPasswordHash())
				.roles("USER")
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

}
