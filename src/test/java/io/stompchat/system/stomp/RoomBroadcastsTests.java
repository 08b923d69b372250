package io.stompchat.system.stomp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.messaging.Message;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.messaging.StompSubProtocolHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * A room broadcast encoded once is, for each subscriber, the frame Spring's broker and
 * STOMP encoder would have written: same command, headers (escaped alike) and body; only
 * the message-id's number differs.
 */
class RoomBroadcastsTests {

	@Test
	void eachSubscribersFrameIsTheOneSpringWouldWrite() throws Exception {
		Message<?> broadcast = published(Map.of("text", "héllo: wörld\n\\ 한국어 \u0000", "seq", 7),
				Map.of("chat-left", "a:b\nc\\d"));

		String ours = RoomBroadcasts.Frame.of(broadcast).to("s1", "sub-0");
		String springs = springsFrame(broadcast, "s1", "sub-0");

		StompHeaderAccessor expected = decode(springs);
		StompHeaderAccessor actual = decode(ours);
		assertThat(actual.getCommand()).isEqualTo(expected.getCommand());
		Map<String, List<String>> expectedHeaders = new java.util.TreeMap<>(expected.toNativeHeaderMap());
		Map<String, List<String>> actualHeaders = new java.util.TreeMap<>(actual.toNativeHeaderMap());
		assertThat(actualHeaders.remove("message-id")).singleElement().asString().matches("s1-\\d+");
		expectedHeaders.remove("message-id");
		assertThat(actualHeaders).isEqualTo(expectedHeaders).containsEntry("chat-left", List.of("a:b\nc\\d"));
		assertThat(payload(ours)).isEqualTo(payload(springs));
		assertThat(new String(payload(ours), StandardCharsets.UTF_8)).contains("héllo: wörld").contains("한국어");
	}

	@Test
	void subscribersGetTheirOwnSubscriptionAndDistinctMessageIds() {
		RoomBroadcasts.Frame frame = RoomBroadcasts.Frame.of(published(Map.of("text", "hi"), Map.of()));

		StompHeaderAccessor first = decode(frame.to("s1", "a"));
		StompHeaderAccessor second = decode(frame.to("s2", "b"));

		assertThat(first.getSubscriptionId()).isEqualTo("a");
		assertThat(second.getSubscriptionId()).isEqualTo("b");
		assertThat(first.getMessageId()).startsWith("s1-").isNotEqualTo(second.getMessageId());
		assertThat(first.getDestination()).isEqualTo("/topic/room.general");
	}

	/** What {@code MessagePosting} hands the broker channel. */
	private static Message<?> published(Object payload, Map<String, Object> headers) {
		List<Message<?>> sent = new ArrayList<>();
		SimpMessagingTemplate template = new SimpMessagingTemplate((message, timeout) -> sent.add(message));
		template.setMessageConverter(new JacksonJsonMessageConverter());
		template.convertAndSend("/topic/room.general", payload, headers);
		return sent.get(0);
	}

	/**
	 * Spring's simple broker's copy for one subscriber, through Spring's STOMP handler.
	 */
	private static String springsFrame(Message<?> broadcast, String sessionId, String subscriptionId) throws Exception {
		SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
		accessor.setSessionId(sessionId);
		accessor.setSubscriptionId(subscriptionId);
		accessor.copyHeadersIfAbsent(broadcast.getHeaders());
		accessor.setLeaveMutable(true);
		Message<?> copy = MessageBuilder.createMessage(broadcast.getPayload(), accessor.getMessageHeaders());
		WebSocketSession session = mock(WebSocketSession.class);
		given(session.getId()).willReturn(sessionId);
		given(session.isOpen()).willReturn(true);
		new StompSubProtocolHandler().handleMessageToClient(session, copy);
		ArgumentCaptor<TextMessage> written = ArgumentCaptor.forClass(TextMessage.class);
		verify(session).sendMessage(written.capture());
		return written.getValue().getPayload();
	}

	private static StompHeaderAccessor decode(String frame) {
		List<Message<byte[]>> messages = new StompDecoder()
			.decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8)));
		assertThat(messages).hasSize(1);
		return StompHeaderAccessor.wrap(messages.get(0));
	}

	private static byte[] payload(String frame) {
		return new StompDecoder().decode(ByteBuffer.wrap(frame.getBytes(StandardCharsets.UTF_8))).get(0).getPayload();
	}

}
