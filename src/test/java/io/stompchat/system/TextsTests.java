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

}
