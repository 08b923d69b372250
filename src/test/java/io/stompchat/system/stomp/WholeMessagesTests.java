package io.stompchat.system.stomp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The container hands over messages in parts; the handler behind sees whole ones, and a
 * message past the limit closes the connection with 1009 instead.
 */
class WholeMessagesTests {

	private final List<WebSocketMessage<?>> received = new ArrayList<>();

	private final WebSocketSession session = mock(WebSocketSession.class);

	private final WholeMessages messages = new WholeMessages(new AbstractWebSocketHandler() {

		@Override
		public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) {
			WholeMessagesTests.this.received.add(message);
		}

	}, 10, 6);

	@Test
	void theContainerIsAskedForParts() {
		assertThat(this.messages.supportsPartialMessages()).isTrue();
	}

	@Test
	void aMessageInOnePartPassesAsItIs() throws Exception {
		TextMessage whole = new TextMessage("SEND");
		this.messages.handleMessage(this.session, whole);
		assertThat(this.received).containsExactly(whole);
	}

	@Test
	void textPartsAreJoinedIntoOneMessage() throws Exception {
		this.messages.handleMessage(this.session, new TextMessage("한국", false));
		this.messages.handleMessage(this.session, new TextMessage("어 ", false));
		assertThat(this.received).isEmpty();
		this.messages.handleMessage(this.session, new TextMessage("😀", true));
		this.messages.handleMessage(this.session, new TextMessage("next", true));
		assertThat(this.received).map((message) -> (Object) message.getPayload()).containsExactly("한국어 😀", "next");
		assertThat(this.received).allMatch(WebSocketMessage::isLast);
	}

	@Test
	void binaryPartsAreJoinedIntoOneMessage() throws Exception {
		this.messages.handleMessage(this.session, new BinaryMessage(new byte[] { 1, 2 }, false));
		this.messages.handleMessage(this.session, new BinaryMessage(new byte[] { 3 }, true));
		assertThat(this.received).hasSize(1);
		ByteBuffer joined = (ByteBuffer) this.received.get(0).getPayload();
		assertThat(joined.remaining()).isEqualTo(3);
		assertThat(new byte[] { joined.get(), joined.get(), joined.get() }).containsExactly(1, 2, 3);
	}

	@Test
	void aTextMessagePastTheLimitClosesWith1009() throws Exception {
		this.messages.handleMessage(this.session, new TextMessage("123456", false));
		verify(this.session, never()).close(CloseStatus.TOO_BIG_TO_PROCESS);
		this.messages.handleMessage(this.session, new TextMessage("78901", false));
		verify(this.session).close(CloseStatus.TOO_BIG_TO_PROCESS);
		// the rest of the message, and what follows it, is not read while the connection
		// closes
		this.messages.handleMessage(this.session, new TextMessage("SEND", true));
		this.messages.handleMessage(this.session, new TextMessage("SEND", true));
		assertThat(this.received).isEmpty();
	}

	@Test
	void aBinaryMessagePastTheLimitClosesWith1009() throws Exception {
		this.messages.handleMessage(this.session, new BinaryMessage("1234".getBytes(StandardCharsets.US_ASCII), false));
		this.messages.handleMessage(this.session, new BinaryMessage("567".getBytes(StandardCharsets.US_ASCII), true));
		verify(this.session).close(CloseStatus.TOO_BIG_TO_PROCESS);
		assertThat(this.received).isEmpty();
	}

}
