package io.stompchat.account;

import java.util.regex.Pattern;

import io.stompchat.system.Texts;

/**
 * The rules for user names. Two names are the same name when they are equal after Unicode
 * compatibility folding (NFKC) and case folding, so "Alice" cannot sign up beside "alice"
 * or "ａｌｉｃｅ".
 */
final class Names {

	private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.-]{3,32}");

	private Names() {
	}

	static boolean isValidUsername(String username) {
		return username != null && USERNAME.matcher(username).matches();
	}

	/**
	 * The comparison key of a user name; see {@link Texts#fold(String)}.
	 * @param name a name
	 * @return its key
	 */
	static String key(String name) {
		return Texts.fold(name);
	}

}
