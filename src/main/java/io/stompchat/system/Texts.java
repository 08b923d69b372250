package io.stompchat.system;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Checks on user-supplied text shared by messages, room names and client ids.
 */
public final class Texts {

	private Texts() {
	}

	/**
	 * Whether the text is well-formed UTF-16 without NUL: no lone surrogate, no U+0000.
	 * @param text the text
	 * @return true when it may be stored
	 */
	public static boolean isWellFormed(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\0') {
				return false;
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return false;
				}
				i++;
			}
			else if (Character.isLowSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the text has any control character (C0, DEL, C1) or bidirectional
	 * embedding, override or isolate control (U+202A..U+202E, U+2066..U+2069), which
	 * could make a name display as another.
	 * @param text the text
	 * @return true when such a character is in it
	 */
	public static boolean hasControl(String text) {
		return text.codePoints()
			.anyMatch((cp) -> Character.isISOControl(cp) || (cp >= 0x202A && cp <= 0x202E)
					|| (cp >= 0x2066 && cp <= 0x2069));
	}

	/**
	 * Whether the text has at least one visible character: not only white space, and not
	 * only invisible format characters such as zero-width spaces.
	 * @param text the text
	 * @return true when something would show
	 */
	public static boolean hasVisible(String text) {
		return text.codePoints()
			.anyMatch((cp) -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp)
					&& Character.getType(cp) != Character.FORMAT && Character.getType(cp) != Character.CONTROL);
	}

	/**
	 * The comparison key of a name: NFKC, then lower case, then NFKC again (case mapping
	 * can denormalize). Names with equal keys are the same name.
	 * @param name a name
	 * @return its key
	 */
	public static String fold(String name) {
		String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		return Normalizer.normalize(folded, Normalizer.Form.NFKC);
	}

	public static int codePoints(String text) {
		return text.codePointCount(0, text.length());
	}

	/**
	 * A user value made safe for a log line: control characters (CR, LF, ESC, ...)
	 * escaped.
	 * @param value the value
	 * @return the value as one printable line
	 */
	public static String forLog(Object value) {
		if (value == null) {
			return "null";
		}
		StringBuilder out = new StringBuilder();
		String text = value.toString();
		for (int i = 0; i < text.length() && out.length() < 200; i++) {
			char c = text.charAt(i);
			out.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
		}
		return out.toString();
	}

}
