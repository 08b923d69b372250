package io.stompchat.message;

/**
 * What a reaction may be: exactly one emoji, as the keyboards of phones and desktops
 * produce them — a pictograph (with its presentation selector and skin tone), a ZWJ
 * sequence of those (families, professions), a flag (two regional indicators, or a
 * subdivision's tag sequence) or a keycap. Text, several emoji and stray modifiers are
 * not.
 */
final class Emoji {

	/** The most code points of one emoji (the longest standard sequences have ten). */
	static final int MAX_CODE_POINTS = 16;

	private static final int ZWJ = 0x200D;

	private static final int PRESENTATION = 0xFE0F;

	private static final int KEYCAP = 0x20E3;

	private static final int BLACK_FLAG = 0x1F3F4;

	private static final int CANCEL_TAG = 0xE007F;

	/** Extended pictographic code points, as ranges (first, last). */
	private static final int[] PICTOGRAPHS = { 0x00A9, 0x00A9, 0x00AE, 0x00AE, 0x203C, 0x203C, 0x2049, 0x2049, 0x2122,
			0x2122, 0x2139, 0x2139, 0x2194, 0x2199, 0x21A9, 0x21AA, 0x231A, 0x231B, 0x2328, 0x2328, 0x2388, 0x2388,
			0x23CF, 0x23CF, 0x23E9, 0x23F3, 0x23F8, 0x23FA, 0x24C2, 0x24C2, 0x25AA, 0x25AB, 0x25B6, 0x25B6, 0x25C0,
			0x25C0, 0x25FB, 0x25FE, 0x2600, 0x27BF, 0x2934, 0x2935, 0x2B05, 0x2B07, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50,
			0x2B55, 0x2B55, 0x3030, 0x3030, 0x303D, 0x303D, 0x3297, 0x3297, 0x3299, 0x3299, 0x1F000, 0x1F0FF, 0x1F10D,
			0x1F10F, 0x1F12F, 0x1F12F, 0x1F16C, 0x1F171, 0x1F17E, 0x1F17F, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F1AD,
			0x1F1E5, 0x1F201, 0x1F20F, 0x1F21A, 0x1F21A, 0x1F22F, 0x1F22F, 0x1F232, 0x1F23A, 0x1F23C, 0x1F23F, 0x1F249,
			0x1F3FA, 0x1F400, 0x1F53D, 0x1F546, 0x1F64F, 0x1F680, 0x1F6FF, 0x1F774, 0x1F77F, 0x1F7D5, 0x1F7FF, 0x1F80C,
			0x1F80F, 0x1F848, 0x1F84F, 0x1F85A, 0x1F85F, 0x1F888, 0x1F88F, 0x1F8AE, 0x1F8FF, 0x1F90C, 0x1F93A, 0x1F93C,
			0x1F945, 0x1F947, 0x1FAFF, 0x1FC00, 0x1FFFD };

	private Emoji() {
	}

	/**
	 * Whether the text is exactly one emoji.
	 * @param text the text
	 * @return true for one emoji and nothing else
	 */
	static boolean isOne(String text) {
		if (text == null || text.isEmpty() || text.length() > 2 * MAX_CODE_POINTS) {
			return false;
		}
		int[] cps = text.codePoints().toArray();
		if (cps.length > MAX_CODE_POINTS) {
			return false;
		}
		if (cps.length == 2 && isRegionalIndicator(cps[0]) && isRegionalIndicator(cps[1])) {
			return true;
		}
		if (isKeycapBase(cps[0])) {
			return isKeycap(cps);
		}
		if (cps[0] == BLACK_FLAG && cps.length > 2 && isTag(cps[1])) {
			return isTagSequence(cps);
		}
		return isZwjSequence(cps);
	}

	private static boolean isKeycap(int[] cps) {
		return (cps.length == 2 && cps[1] == KEYCAP) || (cps.length == 3 && cps[1] == PRESENTATION && cps[2] == KEYCAP);
	}

	private static boolean isTagSequence(int[] cps) {
		for (int i = 1; i < cps.length - 1; i++) {
			if (!isTag(cps[i])) {
				return false;
			}
		}
		return cps[cps.length - 1] == CANCEL_TAG;
	}

	private static boolean isZwjSequence(int[] cps) {
		int i = 0;
		while (true) {
			if (!isPictograph(cps[i])) {
				return false;
			}
			i++;
			if (i < cps.length && cps[i] == PRESENTATION) {
				i++;
			}
			if (i < cps.length && isSkinTone(cps[i])) {
				i++;
			}
			if (i == cps.length) {
				return true;
			}
			if (cps[i] != ZWJ || i + 1 == cps.length) {
				return false;
			}
			i++;
		}
	}

	static boolean isPictograph(int cp) {
		for (int r = 0; r < PICTOGRAPHS.length; r += 2) {
			if (cp < PICTOGRAPHS[r]) {
				return false;
			}
			if (cp <= PICTOGRAPHS[r + 1]) {
				return true;
			}
		}
		return false;
	}

	private static boolean isRegionalIndicator(int cp) {
		return cp >= 0x1F1E6 && cp <= 0x1F1FF;
	}

	private static boolean isSkinTone(int cp) {
		return cp >= 0x1F3FB && cp <= 0x1F3FF;
	}

	private static boolean isKeycapBase(int cp) {
		return (cp >= '0' && cp <= '9') || cp == '#' || cp == '*';
	}

	private static boolean isTag(int cp) {
		return cp >= 0xE0020 && cp <= 0xE007E;
	}

}
