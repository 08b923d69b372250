package io.stompchat.system.stomp;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.broker.AbstractBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Heart-beats go straight to the broker inbound and straight to the session's outbox
 * outbound; every other frame takes Spring's way.
 */
class HeartbeatsTests {

	private final Connections connections = mock(Connections.class);

	private final AbstractBrokerMessageHandler broker = mock(AbstractBrokerMessageHandler.class);

	private final Outbox outbox = mock(Outbox.class);

	private final MessageChannel channel = mock(MessageChannel.class);

	private final Map<String, Object> attributes = new HashMap<>();

	private ChannelInterceptor inbound;

	private ChannelInterceptor outbound;

	@BeforeEach
	@SuppressWarnings("unchecked")
	void setUp() {
		ObjectProvider<AbstractBrokerMessageHandler> brokers = mock(ObjectProvider.class);
		given(brokers.stream()).willAnswer((invocation) -> Stream.of(this.broker));
		Heartbeats heartbeats = new Heartbeats(this.connections, brokers);
		this.inbound = heartbeats.inbound();
		this.outbound = heartbeats.outbound();
		given(this.connections.outbox("s1")).willReturn(this.outbox);
	}

	@Test
	void aConnectedClientsHeartBeatIsHandedToTheBrokerAndGoesNoFurther() {
		connect();
		Message<?> heartbeat = fromClient(StompHeaderAccessor.createForHeartbeat());

		assertThat(this.inbound.preSend(heartbeat, this.channel)).isNull();
		verify(this.broker).handleMessage(heartbeat);
	}

	@Test
	void aHeartBeatBeforeAnAcceptedConnectTakesTheUsualWay() {
		Message<?> heartbeat = fromClient(StompHeaderAccessor.createForHeartbeat());

		assertThat(this.inbound.preSend(heartbeat, this.channel)).isSameAs(heartbeat);
		verify(this.broker, never()).handleMessage(any());
	}

	@Test
	void otherFramesFromTheClientTakeTheUsualWay() {
		connect();
		StompHeaderAccessor send = StompHeaderAccessor.create(StompCommand.SEND);
		send.setDestination("/app/room.general.chat");
		Message<?> frame = fromClient(send);

		assertThat(this.inbound.preSend(frame, this.channel)).isSameAs(frame);
		verify(this.broker, never()).handleMessage(any());
	}

	@Test
	void aHeartBeatToAClientIsWrittenToItsOutboxAsOneEndOfLine() {
		SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(SimpMessageType.HEARTBEAT);
		accessor.setSessionId("s1");
		Message<?> heartbeat = MessageBuilder.createMessage(new byte[0], accessor.getMessageHeaders());

		assertThat(this.outbound.preSend(heartbeat, this.channel)).isNull();
		verify(this.outbox).sendMessage(Heartbeats.HEARTBEAT);
		assertThat(Heartbeats.HEARTBEAT.getPayload()).isEqualTo("\n");
	}

	@Test
	void aHeartBeatToASessionNoLongerOpenIsDropped() {
		SimpMessageHeaderAccessor accessor = SimpMessageHeaderAccessor.create(SimpMessageType.HEARTBEAT);
		accessor.setSessionId("gone");

		assertThat(this.outbound.preSend(MessageBuilder.createMessage(new byte[0], accessor.getMessageHeaders()),
				this.channel))
			.isNull();
		verify(this.outbox, never()).sendMessage(any());
	}

	@Test
	void otherFramesToTheClientTakeTheUsualWay() {
		StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
		receipt.setReceiptId("r1");
		receipt.setSessionId("s1");
		Message<?> frame = MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders());

		assertThat(this.outbound.preSend(frame, this.channel)).isSameAs(frame);
		verify(this.outbox, never()).sendMessage(any());
	}

	/** What {@link ErrorFrameInterceptor} notes of an accepted CONNECT. */
	private void connect() {
		StompHeaderAccessor connect = StompHeaderAccessor.create(StompCommand.CONNECT);
		connect.setSessionId("s1");
		connect.setSessionAttributes(this.attributes);
		new ErrorFrameInterceptor(null).preSend(MessageBuilder.createMessage(new byte[0], connect.getMessageHeaders()),
				this.channel);
		assertThat(ErrorFrameInterceptor.isConnected(this.attributes)).isTrue();
	}

	/** As Spring's STOMP handler passes a decoded frame on. */
	private Message<?> fromClient(StompHeaderAccessor accessor) {
		accessor.setSessionId("s1");
		accessor.setSessionAttributes(this.attributes);
		return MessageBuilder.createMessage(new byte[0], accessor.getMessageHeaders());
	}

}
