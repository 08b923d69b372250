package io.stompchat.message;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quoted line of a reply: at most 100 code points, never half a surrogate pair, no
 * words once the quoted line is deleted.
 */
class ExcerptTests {

	@Test
	void aShortTextIsQuotedWhole() {
		assertThat(MessageViews.excerpt("hello")).isEqualTo("hello");
		assertThat(MessageViews.excerpt("x".repeat(100))).isEqualTo("x".repeat(100));
	}

	@Test
	void aLongTextIsCutAfterOneHundredCodePoints() {
		assertThat(MessageViews.excerpt("x".repeat(101))).isEqualTo("x".repeat(100));
		assertThat(MessageViews.excerpt("가".repeat(150))).isEqualTo("가".repeat(100));
	}

	@Test
	void surrogatePairsCountAsOneAndAreNeverSplit() {
		String emoji = "😀".repeat(150);
		String excerpt = MessageViews.excerpt(emoji);
		assertThat(excerpt.codePointCount(0, excerpt.length())).isEqualTo(100);
		assertThat(excerpt).hasSize(200).isEqualTo("😀".repeat(100));
		String mixed = "a" + "😀".repeat(99) + "bc";
		assertThat(MessageViews.excerpt(mixed)).isEqualTo("a" + "😀".repeat(99));
	}

	@Test
	void aDeletedLineIsQuotedWithoutWords() {
		ChatMessage quoted = ChatMessage.chat("general", 3, "bob", "secret", Instant.now(), null, null, List.of());
		assertThat(MessageViews.reply(quoted)).isEqualTo(new MessageView.Reply(3, "bob", "secret"));
		quoted.erase();
		assertThat(MessageViews.reply(quoted)).isEqualTo(new MessageView.Reply(3, "bob", null));
	}

}
