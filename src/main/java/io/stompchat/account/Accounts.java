package io.stompchat.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Accounts extends Repository<Account, Long> {

	Optional<Account> findByUsernameKey(String usernameKey);

	boolean existsByUsernameKey(String usernameKey);

	Account saveAndFlush(Account account);

	/**
	 * Names whose key starts with a prefix.
	 * @param escapedKey the prefix's key, with {@code \ % _} escaped by a backslash
	 * @param limit at most this many
	 * @return the names, by key
	 */
	@Query("select a.username from Account a where a.usernameKey like concat(:escapedKey, '%') escape '\\'"
			+ " order by a.usernameKey")
	List<String> findNamesStartingWith(String escapedKey, Limit limit);

}
