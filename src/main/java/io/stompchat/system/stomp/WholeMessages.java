package io.stompchat.system.stomp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Takes a connection's WebSocket messages from the container in parts and hands the
 * handler whole ones, up to a limit; a message past the limit closes the connection with
 * 1009, as the container itself would.
 * <p>
 * Why: Tomcat gives every connection, when it opens, a text buffer and a binary buffer of
 * the largest whole message it may receive: 2 × 64 KiB + 1 KiB characters and 65 KiB
 * bytes here (a SockJS message escapes a 64 KiB STOMP frame inside a JSON string), about
 * 330 KiB a connection, idle or not. Taking messages in parts, its buffers stay at
 * {@link #PART} and only a connection that sends a large message holds more, while it
 * arrives. One instance per connection (the handshake makes it). Spring's STOMP handler
 * would raise a connection's text limit, and with it Tomcat's buffer, to 16 KiB; it asks
 * the session, and {@link Outbox} answers with the limit kept here.
 */
final class WholeMessages extends WebSocketHandlerDecorator {

	/** The container's buffers: characters of text, bytes of binary, per connection. */
	static final int PART = 4096;

	private final int textLimit;

	private final int binaryLimit;

	private StringBuilder text;

	private ByteArrayOutputStream binary;

	private boolean tooBig;

	/**
	 * The longest text message taken, in characters.
	 * @param frameSize the largest STOMP frame a client may send, in bytes
	 * @return twice that plus 1 KiB: SockJS escapes a frame inside a JSON string
	 */
	static int textLimit(int frameSize) {
		return frameSize * 2 + 1024;
	}

	/**
	 * The longest binary message taken, in bytes.
	 * @param frameSize the largest STOMP frame a client may send, in bytes
	 * @return that plus 1 KiB
	 */
	static int binaryLimit(int frameSize) {
		return frameSize + 1024;
	}

	WholeMessages(WebSocketHandler handler, int textLimit, int binaryLimit) {
		super(handler);
		this.textLimit = textLimit;
		this.binaryLimit = binaryLimit;
	}

	@Override
	public boolean supportsPartialMessages() {
		return true;
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		if (this.tooBig) {
			// closing: the rest of the message, and anything after it, is not read
			return;
		}
		if (message instanceof TextMessage part) {
			text(session, part);
		}
		else if (message instanceof BinaryMessage part) {
			binary(session, part);
		}
		else {
			super.handleMessage(session, message);
		}
	}

	private void text(WebSocketSession session, TextMessage part) throws Exception {
		if (this.text == null && part.isLast()) {
			super.handleMessage(session, part);
			return;
		}
		if (this.text == null) {
			this.text = new StringBuilder(2 * PART);
		}
		this.text.append(part.getPayload());
		if (this.text.length() > this.textLimit) {
			this.text = null;
			this.tooBig = true;
			session.close(CloseStatus.TOO_BIG_TO_PROCESS);
			return;
		}
		if (part.isLast()) {
			String whole = this.text.toString();
			this.text = null;
			super.handleMessage(session, new TextMessage(whole));
		}
	}

	private void binary(WebSocketSession session, BinaryMessage part) throws Exception {
		if (this.binary == null && part.isLast()) {
			super.handleMessage(session, part);
			return;
		}
		if (this.binary == null) {
			this.binary = new ByteArrayOutputStream(2 * PART);
		}
		ByteBuffer payload = part.getPayload();
		byte[] bytes = new byte[payload.remaining()];
		payload.get(bytes);
		this.binary.write(bytes);
		if (this.binary.size() > this.binaryLimit) {
			this.binary = null;
			this.tooBig = true;
			session.close(CloseStatus.TOO_BIG_TO_PROCESS);
			return;
		}
		if (part.isLast()) {
			byte[] whole = this.binary.toByteArray();
			this.binary = null;
			super.handleMessage(session, new BinaryMessage(whole));
		}
	}

}
