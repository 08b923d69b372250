package io.stompchat.message;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reaction may be: one emoji, in any of the forms keyboards produce, and nothing
 * else.
 */
class EmojiTests {

	@ParameterizedTest
	@ValueSource(strings = { "👍", "😀", "❤️", "❤", "🎉", "👍🏽", "👋🏿", "👨‍👩‍👧‍👦", "🧑🏻‍❤️‍💋‍🧑🏼", "👩‍💻",
			"🏳️‍🌈", "🏴‍☠️", "🇰🇷", "🇺🇸", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "1️⃣", "#⃣", "*️⃣", "©️", "™", "⭐", "🫠", "🦩", "☕",
			"✅" })
	void oneEmojiIsAccepted(String emoji) {
		assertThat(Emoji.isOne(emoji)).as(emoji).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "a", "ok", "+1", "ㅋ", "한", "1", "#", ":)", "👍👍", "👍 ", " 👍", "🇰", "🇰🇷🇺🇸",
			"👍\u200D", "\u200D👍", "🏽", "\uFE0F", "👍a", "<b>", "\u20E3", "🏴\uDB40\uDC67", "x\u20E3" })
	void anythingElseIsRefused(String text) {
		assertThat(Emoji.isOne(text)).as(text).isFalse();
	}

	@org.junit.jupiter.api.Test
	void nullAndVeryLongSequencesAreRefused() {
		assertThat(Emoji.isOne(null)).isFalse();
		assertThat(Emoji.isOne("👍" + "\u200D👍".repeat(Emoji.MAX_CODE_POINTS))).isFalse();
	}

}
