package io.stompchat.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Room ids: safe inside a STOMP destination on every broker.
 */
class RoomIdsTests {

	@ParameterizedTest
	@ValueSource(strings = { "general", "a", "0", "book-club", "room-1-2-3", "x-" })
	void lowerCaseLettersDigitsAndDashesAreIds(String id) {
		assertThat(RoomIds.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "-leading-dash", "UPPER", "Bad Id", "has.dot", "room*", "room>", "a#b", "a/b", "café",
			"한국어", "new\nline" })
	void dotsWildcardsAndOtherCharactersAreNotIds(String id) {
		assertThat(RoomIds.isValid(id)).isFalse();
	}

	@Test
	void idsAreAtMostSixtyFourCharacters() {
		assertThat(RoomIds.isValid("a".repeat(64))).isTrue();
		assertThat(RoomIds.isValid("a".repeat(65))).isFalse();
	}

}
