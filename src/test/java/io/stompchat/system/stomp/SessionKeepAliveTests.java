package io.stompchat.system.stomp;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class SessionKeepAliveTests {

	@Test
	void aBusyConnectionTouchesTheSessionOncePerInterval() {
		AtomicInteger touches = new AtomicInteger();
		ChannelInterceptor touch = new ChannelInterceptor() {
			@Override
			public Message<?> preSend(Message<?> message, MessageChannel channel) {
				touches.incrementAndGet();
				return message;
			}
		};
		SessionKeepAlive keepAlive = new SessionKeepAlive(touch, Duration.ofMinutes(30));
		Map<String, Object> attributes = new HashMap<>();
		for (int i = 0; i < 100; i++) {
			assertThat(keepAlive.preSend(send(attributes), null)).isNotNull();
		}
		assertThat(touches).hasValue(1);
		assertThat(keepAlive.preSend(send(new HashMap<>()), null)).isNotNull();
		assertThat(touches).as("another connection is touched on its first frame").hasValue(2);
	}

	@Test
	void theIntervalIsAQuarterOfTheTimeoutAndAtMostAMinute() {
		assertThat(SessionKeepAlive.interval(Duration.ofMinutes(30))).isEqualTo(Duration.ofMinutes(1));
		assertThat(SessionKeepAlive.interval(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(5));
	}

	private static Message<byte[]> send(Map<String, Object> attributes) {
		StompHeaderAccessor headers = StompHeaderAccessor.create(StompCommand.SEND);
		headers.setSessionId("s1");
		headers.setSessionAttributes(attributes);
		return MessageBuilder.createMessage(new byte[0], headers.getMessageHeaders());
	}

}
