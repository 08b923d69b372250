package io.stompchat.account;

/**
 * What the sign-up form posts.
 *
 * @param username the wished name
 * @param password the password
 */
record SignupForm(String username, String password) {

	static SignupForm empty() {
		return new SignupForm("", "");
	}

}
