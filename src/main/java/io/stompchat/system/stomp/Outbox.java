package io.stompchat.system.stomp;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;

/**
 * One connection's outgoing frames: written in the order they were sent, and never by
 * blocking the thread that sends them, so a room's broadcast costs each subscriber a
 * queue offer or one non-blocking write, and a client that stops reading holds up nobody
 * else. Every frame to a session goes through its outbox: Spring's frames (replies,
 * receipts, user queues, heart-beats) and the room broadcasts of {@link RoomBroadcasts}.
 * <p>
 * A native WebSocket is written with the container's asynchronous send, one message at a
 * time; when a write completes at once the same thread writes the next. A SockJS session
 * is written by a shared pool thread (its transports buffer themselves). A close waits
 * for the frames sent before it (an ERROR frame, a RECEIPT), unless the client is too
 * slow.
 * <p>
 * Too slow means: more than {@code chat.limits.send-buffer-size} characters waiting, or
 * one write taking longer than {@code chat.limits.send-time-ms}. The session is then
 * closed with 1011 ("session not reliable"), as Spring's own send buffer does.
 */
final class Outbox extends WebSocketSessionDecorator {

	private static final Log logger = LogFactory.getLog(Outbox.class);

	/** A write is under way on the thread that started it. */
	private static final int SENDING = 1;

	/** The write completed before the thread that started it returned. */
	private static final int DONE = 2;

	/** The write goes on asynchronously; its completion writes the next. */
	private static final int PENDING = 3;

	/** Tomcat's user property: how long one blocking write may take. */
	private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

	/** The longest a sending thread's own write may wait for the client. */
	private static final long INLINE_LIMIT_MS = 1000;

	/** Larger frames (history pages) are always written asynchronously. */
	private static final int INLINE_FRAME = 16 * 1024;

	/**
	 * A blocking write that took longer waited for the client (not merely for a core).
	 */
	private static final long WAITED_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

	/** How long a session that made a write wait is written asynchronously. */
	private static final long CONGESTION_NANOS = TimeUnit.SECONDS.toNanos(10);

	private final Queue<Object> queue = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean writing = new AtomicBoolean();

	private final AtomicInteger phase = new AtomicInteger();

	private final AtomicLong waiting = new AtomicLong();

	private final RemoteEndpoint.Async remote;

	private final RemoteEndpoint.Basic basic;

	/** Until when this session is written asynchronously: see {@link #drain()}. */
	private volatile long congestedUntil;

	private final Executor pool;

	private final int bufferLimit;

	private final long timeLimitNanos;

	private volatile long writeStarted;

	private volatile boolean closed;

	private final int textLimit;

	/**
	 * Wraps an open session.
	 * @param session the container's (or SockJS's) session
	 * @param pool the threads that write SockJS sessions and close slow ones
	 * @param bufferLimit the most characters waiting
	 * @param timeLimitMs the longest one write may take
	 * @param textLimit the longest text message taken from the client, in characters
	 */
	Outbox(WebSocketSession session, Executor pool, int bufferLimit, int timeLimitMs, int textLimit) {
		super(session);
		this.textLimit = textLimit;
		this.pool = pool;
		this.bufferLimit = bufferLimit;
		this.timeLimitNanos = TimeUnit.MILLISECONDS.toNanos(timeLimitMs);
		RemoteEndpoint.Async async = null;
		RemoteEndpoint.Basic blocking = null;
		if (session instanceof StandardWebSocketSession standard && standard.getNativeSession() != null) {
			Session container = standard.getNativeSession();
			async = container.getAsyncRemote();
			async.setSendTimeout(timeLimitMs);
			blocking = container.getBasicRemote();
			container.getUserProperties().put(BLOCKING_SEND_TIMEOUT, Math.min(timeLimitMs, INLINE_LIMIT_MS));
		}
		this.remote = async;
		this.basic = blocking;
		this.congestedUntil = System.nanoTime();
	}

	/**
	 * The longest text message taken from the client: {@link WholeMessages} joins the
	 * container's parts up to it. Spring's STOMP handler asks, and would otherwise raise
	 * the container's per-connection buffer to 16 KiB.
	 */
	@Override
	public int getTextMessageSizeLimit() {
		return this.textLimit;
	}

	/**
	 * Ignored: the limit is {@link WholeMessages}'s, and the container's buffer stays
	 * small.
	 */
	@Override
	public void setTextMessageSizeLimit(int messageSizeLimit) {
	}

	/**
	 * Queues a frame; returns at once.
	 */
	@Override
	public void sendMessage(WebSocketMessage<?> message) {
		if (this.closed) {
			return;
		}
		long waiting = this.waiting.addAndGet(message.getPayloadLength());
		long started = this.writeStarted;
		if (waiting > this.bufferLimit || (started != 0 && System.nanoTime() - started > this.timeLimitNanos)) {
			tooSlow(waiting);
			return;
		}
		this.queue.offer(message);
		drain();
	}

	/**
	 * Closes the session once the frames sent before are written.
	 */
	@Override
	public void close(CloseStatus status) {
		if (this.closed) {
			return;
		}
		if (this.queue.isEmpty() && this.writing.compareAndSet(false, true)) {
			// nothing waits for the close
			closeNow(status);
			this.writing.set(false);
			return;
		}
		this.queue.offer(status);
		drain();
	}

	@Override
	public void close() {
		close(CloseStatus.NORMAL);
	}

	/**
	 * The connection has closed: what is waiting is dropped.
	 */
	void ended() {
		this.closed = true;
		this.queue.clear();
	}

	/**
	 * Writes what is queued, unless another thread is writing already (it writes what was
	 * queued meanwhile). A WebSocket whose socket accepts what it is sent is written by
	 * the sending thread itself, a blocking write that returns at once (the container's
	 * asynchronous send would hand every completion to another thread). A write that had
	 * to wait, or a large frame, marks the session congested: then it is written
	 * asynchronously for a while, and a client that stopped reading holds up no sending
	 * thread.
	 */
	private void drain() {
		while (!this.queue.isEmpty() && this.writing.compareAndSet(false, true)) {
			if (this.remote == null) {
				try {
					this.pool.execute(this::writeBlocking);
				}
				catch (RejectedExecutionException ex) {
					ended();
					this.writing.set(false);
				}
				return;
			}
			if (System.nanoTime() - this.congestedUntil < 0 || isLarge(this.queue.peek())) {
				writeAsync();
			}
			else {
				writeInline();
			}
		}
	}

	/**
	 * Writes what is queued with blocking writes while they return at once; called
	 * holding {@link #writing}, which it releases.
	 */
	private void writeInline() {
		Object next;
		while ((next = this.queue.peek()) != null) {
			if (!(next instanceof WebSocketMessage<?> message)) {
				this.queue.poll();
				closeNow((CloseStatus) next);
				continue;
			}
			if (isLarge(message) || System.nanoTime() - this.congestedUntil < 0) {
				break;
			}
			this.queue.poll();
			this.waiting.addAndGet(-message.getPayloadLength());
			if (this.closed) {
				continue;
			}
			long started = System.nanoTime() | 1;
			this.writeStarted = started;
			try {
				if (message instanceof TextMessage text) {
					this.basic.sendText(text.getPayload());
				}
				else {
					getDelegate().sendMessage(message);
				}
			}
			catch (IOException | RuntimeException ex) {
				failed(ex);
				continue;
			}
			if (System.nanoTime() - started > WAITED_NANOS) {
				this.congestedUntil = System.nanoTime() + CONGESTION_NANOS;
			}
		}
		this.writeStarted = 0;
		this.writing.set(false);
	}

	/**
	 * Writes what is queued while writes complete at once; called holding
	 * {@link #writing}, which it releases unless a write goes on asynchronously.
	 */
	private void writeAsync() {
		WebSocketMessage<?> message;
		while ((message = next()) != null) {
			this.phase.set(SENDING);
			try {
				send(message);
			}
			catch (IOException | RuntimeException ex) {
				failed(ex);
				continue;
			}
			if (this.phase.compareAndSet(SENDING, PENDING)) {
				return;
			}
		}
		this.writeStarted = 0;
		this.writing.set(false);
	}

	/**
	 * Takes the next frame to write, carrying out the closes queued before it, and notes
	 * when its write starts.
	 * @return the frame, or null when nothing more is queued
	 */
	private WebSocketMessage<?> next() {
		Object next;
		while ((next = this.queue.poll()) != null) {
			if (!(next instanceof WebSocketMessage<?> message)) {
				closeNow((CloseStatus) next);
				continue;
			}
			this.waiting.addAndGet(-message.getPayloadLength());
			if (!this.closed) {
				this.writeStarted = System.nanoTime() | 1;
				return message;
			}
		}
		return null;
	}

	private static boolean isLarge(Object next) {
		return next instanceof WebSocketMessage<?> message && message.getPayloadLength() > INLINE_FRAME;
	}

	private void send(WebSocketMessage<?> message) throws IOException {
		if (message instanceof TextMessage text) {
			this.remote.sendText(text.getPayload(), this::sent);
		}
		else if (message instanceof BinaryMessage binary) {
			this.remote.sendBinary(binary.getPayload(), this::sent);
		}
		else {
			// pings and pongs: control frames, written at once
			getDelegate().sendMessage(message);
			this.phase.set(DONE);
		}
	}

	private void sent(SendResult result) {
		if (!result.isOK()) {
			failed(result.getException());
		}
		if (this.phase.compareAndSet(SENDING, DONE)) {
			// the thread that started the write goes on
			return;
		}
		writeAsync();
		drain();
	}

	private void writeBlocking() {
		WebSocketMessage<?> message;
		while ((message = next()) != null) {
			try {
				getDelegate().sendMessage(message);
			}
			catch (IOException | RuntimeException ex) {
				failed(ex);
			}
		}
		this.writeStarted = 0;
		this.writing.set(false);
		drain();
	}

	private void tooSlow(long waiting) {
		if (logger.isDebugEnabled()) {
			logger.debug("Closing slow session " + getId() + ": " + waiting + " characters waiting");
		}
		ended();
		// the container's close may wait for the write under way: not on this thread
		try {
			this.pool.execute(() -> closeDelegate(CloseStatus.SESSION_NOT_RELIABLE));
		}
		catch (RejectedExecutionException ex) {
			closeDelegate(CloseStatus.SESSION_NOT_RELIABLE);
		}
	}

	private void failed(Throwable ex) {
		if (!this.closed && logger.isDebugEnabled()) {
			logger.debug("Write to session " + getId() + " failed", ex);
		}
		ended();
		closeDelegate(CloseStatus.SESSION_NOT_RELIABLE);
	}

	private void closeNow(CloseStatus status) {
		ended();
		closeDelegate(status);
	}

	private void closeDelegate(CloseStatus status) {
		try {
			getDelegate().close(status);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not close session " + getId(), ex);
		}
	}

}
