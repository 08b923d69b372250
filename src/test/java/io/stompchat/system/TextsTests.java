package io.stompchat.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The character rules shared by names, texts and logs.
 */
class TextsTests {

	@Test
	void namesRefuseControlAndBidiOverrideCharacters() {
		assertThat(Texts.hasControl("bell\u0007")).isTrue();
		assertThat(Texts.hasControl("abc\u202Egnp")).isTrue();
		assertThat(Texts.hasControl("isolate\u2066x\u2069")).isTrue();
		assertThat(Texts.hasControl("사랑방 Book club")).isFalse();
	}

	@Test
	void confusableNamesFoldToOneKey() {
		assertThat(Texts.fold("ＧＥＮＥＲＡＬ")).isEqualTo(Texts.fold("general"));
		assertThat(Texts.fold("Ⅻ")).isEqualTo(Texts.fold("xii"));
	}

	@Test
	void logValuesAreOneEscapedLine() {
		assertThat(Texts.forLog("a\r\nINFO forged\u001b[31m")).isEqualTo("a\\u000d\\u000aINFO forged\\u001b[31m");
		assertThat(Texts.forLog("x".repeat(500))).hasSize(200);
	}

	@Test
	void nulAndLoneSurrogatesAreNotWellFormed() {
		assertThat(Texts.isWellFormed("a\u0000b")).isFalse();
		assertThat(Texts.isWellFormed("a\ud800b")).isFalse();
		assertThat(Texts.isWellFormed("😀")).isTrue();
	}

	@Test
	void whiteSpaceAndFormatCharactersAreNotVisible() {
		assertThat(Texts.hasVisible(" \t\n\u00A0\u3000")).isFalse();
		assertThat(Texts.hasVisible("\u200B\u2060\uFEFF")).isFalse();
		assertThat(Texts.hasVisible(" \u200Bx")).isTrue();
		assertThat(Texts.hasVisible("😀")).isTrue();
	}

	@Test
	void lengthsAreCountedInCodePoints() {
		assertThat(Texts.codePoints("abc")).isEqualTo(3);
		assertThat(Texts.codePoints("😀😀")).isEqualTo(2);
		assertThat(Texts.codePoints("")).isZero();
	}

	@Test
	void aMissingLogValueIsWrittenAsNull() {
		assertThat(Texts.forLog(null)).isEqualTo("null");
		assertThat(Texts.forLog(42)).isEqualTo("42");
	}

}
