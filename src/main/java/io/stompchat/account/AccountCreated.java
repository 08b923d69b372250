package io.stompchat.account;

/**
 * Published after an account was created.
 *
 * @param username the new account's name, as spelled at sign-up
 */
public record AccountCreated(String username) {

}
