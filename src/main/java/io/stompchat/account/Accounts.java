package io.stompchat.account;

import java.util.Optional;

import org.springframework.data.repository.Repository;

interface Accounts extends Repository<Account, Long> {

	Optional<Account> findByUsernameKey(String usernameKey);

	boolean existsByUsernameKey(String usernameKey);

	Account saveAndFlush(Account account);

}
