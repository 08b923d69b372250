package io.stompchat.room;

import io.stompchat.system.RoomIds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The room id derived from a room's name when none is given.
 */
class RoomSlugTests {

	@Test
	void slugsAreValidIds() {
		assertThat(RoomController.slug("Book club")).isEqualTo("book-club");
		assertThat(RoomController.slug("  --Hello, World!--  ")).isEqualTo("hello-world");
		assertThat(RoomController.slug("한국어")).isEmpty();
		assertThat(RoomController.slug("a".repeat(100))).hasSize(64);
	}

	@Test
	void accentsAreDroppedAndCaseLowered() {
		assertThat(RoomController.slug("Café Crème")).isEqualTo("cafe-creme");
		assertThat(RoomController.slug("ÅNGSTRÖM")).isEqualTo("angstrom");
	}

	@Test
	void runsOfOtherCharactersBecomeOneDash() {
		assertThat(RoomController.slug("a . b__c")).isEqualTo("a-b-c");
		assertThat(RoomController.slug("room.general")).isEqualTo("room-general");
		assertThat(RoomController.slug("one 한 two")).isEqualTo("one-two");
	}

	@Test
	void aCutAtSixtyFourLeavesNoTrailingDash() {
		String name = "a".repeat(63) + " b";
		assertThat(RoomController.slug(name)).isEqualTo("a".repeat(63));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Book club", "Café Crème 42", "--x--", "Ｆｕｌｌ ｗｉｄｔｈ", "a*b>c#d", "9 lives" })
	void everyNonEmptySlugIsAValidRoomId(String name) {
		assertThat(RoomController.slug(name)).satisfies((slug) -> assertThat(RoomIds.isValid(slug)).isTrue());
	}

}
