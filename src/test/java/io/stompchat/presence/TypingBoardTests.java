package io.stompchat.presence;

import java.time.Duration;

import io.stompchat.presence.TypingBoard.Key;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypingBoardTests {

	static final long SECOND = Duration.ofSeconds(1).toNanos();

	final TypingBoard board = new TypingBoard(Duration.ofSeconds(6), Duration.ofSeconds(3));

	final Key alice = new Key("general", "alice");

	@Test
	void startingIsAnnouncedOnceAndRenewalsAtMostEveryRepeatInterval() {
		assertThat(this.board.start(this.alice, "s1", 0)).isTrue();
		assertThat(this.board.start(this.alice, "s1", SECOND)).isFalse();
		assertThat(this.board.start(this.alice, "s1", 2 * SECOND)).isFalse();
		assertThat(this.board.start(this.alice, "s1", 3 * SECOND)).isTrue();
		assertThat(this.board.start(this.alice, "s1", 4 * SECOND)).isFalse();
	}

	@Test
	void stoppingIsAnnouncedOnlyWhenTyping() {
		assertThat(this.board.stop(this.alice)).isFalse();
		this.board.start(this.alice, "s1", 0);
		assertThat(this.board.stop(this.alice)).isTrue();
		assertThat(this.board.stop(this.alice)).isFalse();
	}

	@Test
	void aStateNotRenewedExpires() {
		Key bob = new Key("general", "bob");
		this.board.start(this.alice, "s1", 0);
		this.board.start(bob, "s2", 0);
		this.board.start(bob, "s2", 4 * SECOND);
		assertThat(this.board.expire(6 * SECOND - 1)).isEmpty();
		assertThat(this.board.expire(6 * SECOND)).containsExactly(this.alice);
		assertThat(this.board.expire(7 * SECOND)).isEmpty();
		assertThat(this.board.expire(10 * SECOND)).containsExactly(bob);
		assertThat(this.board.isTyping(bob)).isFalse();
	}

	@Test
	void aLostSessionStopsOnlyWhatItStarted() {
		Key elsewhere = new Key("random", "alice");
		this.board.start(this.alice, "tab-1", 0);
		this.board.start(elsewhere, "tab-2", 0);
		assertThat(this.board.dropSession("tab-1")).containsExactly(this.alice);
		assertThat(this.board.dropSession("tab-1")).isEmpty();
		assertThat(this.board.isTyping(elsewhere)).isTrue();
	}

	@Test
	void theLastSessionToRenewOwnsTheState() {
		this.board.start(this.alice, "tab-1", 0);
		this.board.start(this.alice, "tab-2", SECOND);
		assertThat(this.board.dropSession("tab-1")).isEmpty();
		assertThat(this.board.dropSession("tab-2")).containsExactly(this.alice);
	}

}
