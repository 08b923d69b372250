package io.stompchat.message;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whom a line mentions: members named after {@code @}, ignoring case, the longest name
 * that fits, canonical names, each once.
 */
class MentionsTests {

	private static final List<String> MEMBERS = List.of("bob", "bob.smith", "Alice", "kim_1", "lee-k");

	@Test
	void aMemberAfterAnAtIsMentionedByTheirCanonicalName() {
		assertThat(Mentions.in("hi @bob", MEMBERS)).containsExactly("bob");
		assertThat(Mentions.in("@alice look", MEMBERS)).containsExactly("Alice");
		assertThat(Mentions.in("@ALICE and @BoB", MEMBERS)).containsExactly("Alice", "bob");
	}

	@Test
	void theLongestMemberNameWins() {
		assertThat(Mentions.in("@bob.smith please", MEMBERS)).containsExactly("bob.smith");
		assertThat(Mentions.in("@Bob.Smith", MEMBERS)).containsExactly("bob.smith");
		assertThat(Mentions.in("thanks @bob.", MEMBERS)).containsExactly("bob");
		assertThat(Mentions.in("@bob.smithy", MEMBERS)).containsExactly("bob");
	}

	@Test
	void punctuationAndKoreanMayFollowTheName() {
		assertThat(Mentions.in("@bob, @lee-k: @kim_1!", MEMBERS)).containsExactly("bob", "lee-k", "kim_1");
		assertThat(Mentions.in("@bob님 안녕하세요", MEMBERS)).containsExactly("bob");
		assertThat(Mentions.in("(@alice)", MEMBERS)).containsExactly("Alice");
	}

	@Test
	void aLongerWordOrAnAddressIsNoMention() {
		assertThat(Mentions.in("@bobby", MEMBERS)).isEmpty();
		assertThat(Mentions.in("@kim_12", MEMBERS)).isEmpty();
		assertThat(Mentions.in("mail me at me@bob.smith.com", MEMBERS)).isEmpty();
		assertThat(Mentions.in("@ bob", MEMBERS)).isEmpty();
		assertThat(Mentions.in("@carol", MEMBERS)).isEmpty();
		assertThat(Mentions.in("no at sign", MEMBERS)).isEmpty();
	}

	@Test
	void eachMemberIsListedOnceInOrderOfFirstMention() {
		assertThat(Mentions.in("@bob @alice @BOB @@alice", MEMBERS)).containsExactly("bob", "Alice");
	}

	@Test
	void withoutMembersNobodyIsMentioned() {
		assertThat(Mentions.in("@bob", List.of())).isEmpty();
	}

}
