package io.stompchat.message;

import io.stompchat.system.Refusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The rules a chat message's text and client id must meet before anything is stored.
 */
class MessageRulesTests {

	@Test
	void missingTextIsRefused() {
		assertRefused(() -> MessagePosting.checkText(null), "'text' is required.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t\n", "\u200B\u200B", "\u00A0", "\u3000", "\u2060" })
	void textWithNothingVisibleIsRefused(String text) {
		assertRefused(() -> MessagePosting.checkText(text), "'text' must have at least one visible character.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "a\u0000b", "lone \uD800 high", "lone \uDC00 low", "\uD83D" })
	void textWithNulOrLoneSurrogatesIsRefused(String text) {
		assertRefused(() -> MessagePosting.checkText(text), "'text' must not contain NUL or lone surrogates.");
	}

	@Test
	void textIsCountedInCodePointsUpToTheLimit() {
		assertThatCode(() -> MessagePosting.checkText("x".repeat(MessagePosting.MAX_TEXT))).doesNotThrowAnyException();
		assertThatCode(() -> MessagePosting.checkText("😀".repeat(MessagePosting.MAX_TEXT))).doesNotThrowAnyException();
		assertRefused(() -> MessagePosting.checkText("x".repeat(MessagePosting.MAX_TEXT + 1)),
				"'text' must be at most 2000 characters.");
		assertRefused(() -> MessagePosting.checkText("😀".repeat(MessagePosting.MAX_TEXT + 1)),
				"'text' must be at most 2000 characters.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "hi", " padded ", "héllo <i>wörld</i> 😀", "line\nbreak", "사랑방" })
	void textWithSomethingVisibleIsAcceptedAsSent(String text) {
		assertThatCode(() -> MessagePosting.checkText(text)).doesNotThrowAnyException();
	}

	@ParameterizedTest
	@ValueSource(strings = { "c-1", "550e8400-e29b-41d4-a716-446655440000", "é", "😀" })
	void ordinaryClientIdsAreAccepted(String clientId) {
		assertThatCode(() -> MessagePosting.checkClientId(clientId)).doesNotThrowAnyException();
	}

	@Test
	void aMissingClientIdIsAccepted() {
		assertThatCode(() -> MessagePosting.checkClientId(null)).doesNotThrowAnyException();
	}

	@Test
	void clientIdsAreAtMostSixtyFourCharacters() {
		assertThatCode(() -> MessagePosting.checkClientId("c".repeat(MessagePosting.MAX_CLIENT_ID)))
			.doesNotThrowAnyException();
		assertRefused(() -> MessagePosting.checkClientId("c".repeat(MessagePosting.MAX_CLIENT_ID + 1)),
				"'clientId' must be 1 to 64 characters without control characters.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "tab\there", "new\nline", "nul\u0000", "lone\uD800", "bidi\u202E", "del\u007F" })
	void emptyOrControlClientIdsAreRefused(String clientId) {
		assertRefused(() -> MessagePosting.checkClientId(clientId),
				"'clientId' must be 1 to 64 characters without control characters.");
	}

	private static void assertRefused(Runnable check, String detail) {
		Refusal refusal = catchThrowableOfType(Refusal.class, check::run);
		assertThat(refusal).as("refusal").isNotNull();
		assertThat(refusal.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refusal.getError()).isEqualTo("invalid_message");
		assertThat(refusal.getMessage()).isEqualTo(detail);
	}

}
