package io.stompchat.message;

import io.stompchat.system.Refusal;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The bounds of a history page, refused before the database is asked anything.
 */
class MessageHistoryTests {

	private final Messages messages = mock(Messages.class);

	private final MessageReactions reactions = mock(MessageReactions.class);

	private final MessageHistory history = new MessageHistory(this.messages,
			new MessageViews(this.messages, this.reactions), this.reactions);

	@Test
	void beforeAndAfterTogetherAreRefused() {
		assertRefused(1L, 2L, 10, "Give either 'before' or 'after', not both.");
	}

	@Test
	void negativeSeqsAreRefused() {
		assertRefused(-1L, null, 10, "'before' and 'after' must not be negative.");
		assertRefused(null, -1L, 10, "'before' and 'after' must not be negative.");
	}

	@Test
	void theLimitIsOneToTwoHundred() {
		assertRefused(null, null, 0, "'limit' must be between 1 and 200.");
		assertRefused(null, null, -1, "'limit' must be between 1 and 200.");
		assertRefused(null, null, MessageHistory.MAX_LIMIT + 1, "'limit' must be between 1 and 200.");
	}

	@Test
	void anUnknownRoomIsNotFound() {
		Refusal refusal = catchThrowableOfType(Refusal.class, () -> this.history.page("nowhere", null, null, 200));
		assertThat(refusal.getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(refusal.getError()).isEqualTo("unknown_room");
	}

	@Test
	void theDefaultPageIsFifty() {
		assertThat(MessageHistory.DEFAULT_LIMIT).isEqualTo(50);
	}

	private void assertRefused(Long before, Long after, int limit, String detail) {
		Refusal refusal = catchThrowableOfType(Refusal.class, () -> this.history.page("general", before, after, limit));
		assertThat(refusal).as("refusal").isNotNull();
		assertThat(refusal.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusal.getError()).isEqualTo("invalid_paging");
		assertThat(refusal.getMessage()).isEqualTo(detail);
		verifyNoInteractions(this.messages);
	}

}
