package io.stompchat.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules for user names: which names are allowed, and which are the same name.
 */
class NamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "bob", "Carol_x", "dave.smith", "e-1", "x23456789012345678901234567890xx" })
	void lettersDigitsDotDashAndUnderscoreAreAllowed(String name) {
		assertThat(Names.isValidUsername(name)).isTrue();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "ab", "x234567890123456789012345678901xxx", "has space", "émile", "ａｌｉｃｅ", "a/b",
			"tab\tx", "<script>" })
	void otherNamesAreRefused(String name) {
		assertThat(Names.isValidUsername(name)).isFalse();
	}

	@Test
	void namesDifferingInCaseOrWidthAreTheSameName() {
		assertThat(Names.key("Alice")).isEqualTo(Names.key("alice"));
		assertThat(Names.key("ａｌｉｃｅ")).isEqualTo(Names.key("alice"));
		assertThat(Names.key("ALICE")).isEqualTo("alice");
	}

	@Test
	void differentNamesHaveDifferentKeys() {
		assertThat(Names.key("alice")).isNotEqualTo(Names.key("alice2"));
	}

}
