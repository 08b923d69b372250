package io.stompchat.member;

import java.util.Locale;

/**
 * The two users of a direct chat, in either order, and the key that makes their room one:
 * the two folded names in order, so "alice"+"Bob" and "bob"+"alice" share a key.
 *
 * @param a one user
 * @param b the other
 */
public record DirectPair(String a, String b) {

	public DirectPair {
		if (a == null || b == null || fold(a).equals(fold(b))) {
			throw new IllegalArgumentException("A direct chat needs two different users.");
		}
	}

	/**
	 * The key stored on the room, unique per pair.
	 * @return the key
	 */
	public String key() {
		String x = fold(this.a);
		String y = fold(this.b);
		return (x.compareTo(y) < 0) ? x + " " + y : y + " " + x;
	}

	/**
	 * The other user of the pair.
	 * @param username one of the two
	 * @return the other
	 */
	public String other(String username) {
		return fold(this.a).equals(fold(username)) ? this.b : this.a;
	}

	private static String fold(String name) {
		// user names are A-Z a-z 0-9 _ . - only: lower case is their folding
		return name.toLowerCase(Locale.ROOT);
	}

}
