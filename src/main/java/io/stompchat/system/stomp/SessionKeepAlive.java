package io.stompchat.system.stomp;

import java.time.Duration;
import java.util.Map;

import io.stompchat.system.SessionStore;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.session.web.socket.server.SessionRepositoryMessageInterceptor;

/**
 * Keeps the HTTP session of a chatting user alive: Spring Session's
 * {@link SessionRepositoryMessageInterceptor} touches the session in the store, but at
 * most once per interval for each connection (a quarter of the session timeout, at most a
 * minute), so a busy connection does not cost a session read and write per frame.
 */
final class SessionKeepAlive implements ChannelInterceptor {

	private static final String LAST_TOUCH = SessionKeepAlive.class.getName() + ".lastTouch";

	private final ChannelInterceptor touch;

	private final long intervalNanos;

	SessionKeepAlive(ChannelInterceptor touch, Duration sessionTimeout) {
		this.touch = touch;
		this.intervalNanos = interval(sessionTimeout).toNanos();
	}

	static Duration interval(Duration sessionTimeout) {
		return SessionStore.touchInterval(sessionTimeout);
	}

	@Override
	public Message<?> preSend(Message<?> message, MessageChannel channel) {
		Map<String, Object> attributes = SimpMessageHeaderAccessor.getSessionAttributes(message.getHeaders());
		if (attributes == null) {
			return this.touch.preSend(message, channel);
		}
		long now = System.nanoTime();
		Object last = attributes.get(LAST_TOUCH);
		if (last instanceof Long touched && now - touched < this.intervalNanos) {
			return message;
		}
		Message<?> touched = this.touch.preSend(message, channel);
		attributes.put(LAST_TOUCH, now);
		return touched;
	}

}
