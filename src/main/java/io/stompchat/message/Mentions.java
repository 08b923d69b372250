package io.stompchat.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds whom a text mentions: each {@code @} followed by a member's name, ignoring case,
 * the longest name when several fit ({@code @bob.smith} is bob.smith, not bob). The
 * {@code @} must not follow a letter or digit of a name (an e-mail address mentions
 * nobody) and the name must not run on into letters or digits of a longer word
 * ({@code @bobby} does not mention bob); other characters may follow ({@code @bob,},
 * {@code @bob.}, {@code @bob님}).
 */
final class Mentions {

	private Mentions() {
	}

	/**
	 * The members a text mentions.
	 * @param text the text
	 * @param members the room's members, canonical names
	 * @return their canonical names in the order of first mention, each once
	 */
	static List<String> in(String text, Collection<String> members) {
		if (text == null || text.indexOf('@') < 0 || members.isEmpty()) {
			return List.of();
		}
		List<String> longestFirst = members.stream()
			.sorted(Comparator.comparingInt(String::length).reversed())
			.toList();
		List<String> found = new ArrayList<>();
		for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
			if (at > 0 && isNameChar(text.charAt(at - 1))) {
				continue;
			}
			for (String member : longestFirst) {
				int end = at + 1 + member.length();
				if (end <= text.length() && text.regionMatches(true, at + 1, member, 0, member.length())
						&& (end == text.length() || !isWordChar(text.charAt(end)))) {
					if (!found.contains(member)) {
						found.add(member);
					}
					break;
				}
			}
		}
		return List.copyOf(found);
	}

	private static boolean isWordChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	}

	private static boolean isNameChar(char c) {
		return isWordChar(c) || c == '.' || c == '-';
	}

}
