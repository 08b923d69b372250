package io.stompchat.message;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import io.stompchat.member.Access;
import io.stompchat.member.Role;
import io.stompchat.member.RoomAccess;
import io.stompchat.member.RoomKind;
import io.stompchat.presence.RoomPresence;
import io.stompchat.presence.TypingIndicators;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.springframework.context.support.StaticApplicationContext;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.annotation.support.SimpAnnotationMethodMessageHandler;
import org.springframework.messaging.support.AbstractSubscribableChannel;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The STOMP commands of a room routed by Spring's annotation handler to the controller,
 * its collaborators faked, no application context: the first of the three test layers (as
 * in the spring-websocket-portfolio sample).
 */
class MessageControllerTests {

	final MessagePosting posting = mock();

	final MessageHistory history = mock();

	final RoomPresence presence = mock();

	final TypingIndicators typing = mock();

	final RoomAccess access = mock();

	final RoomMemberships memberships = mock();

	final OutboundChannel toClients = new OutboundChannel();

	final Principal alice = () -> "alice";

	SimpAnnotationMethodMessageHandler handler;

	@BeforeEach
	void setUp() {
		given(this.access.of(anyString(), anyString())).willReturn(new Access(Access.Level.NONE, null));
		given(this.access.of("general", "alice")).willReturn(new Access(Access.Level.MEMBER, RoomKind.PUBLIC));
		this.handler = new SimpAnnotationMethodMessageHandler(new OutboundChannel(), this.toClients,
				mock(SimpMessageSendingOperations.class)) {
			{
				detectHandlerMethods(
						new MessageController(MessageControllerTests.this.posting, MessageControllerTests.this.history,
								MessageControllerTests.this.presence, MessageControllerTests.this.typing,
								MessageControllerTests.this.access, MessageControllerTests.this.memberships));
			}
		};
		this.handler.setDestinationPrefixes(List.of("/app"));
		this.handler.setMessageConverter(new JacksonJsonMessageConverter());
		this.handler.setApplicationContext(new StaticApplicationContext());
		this.handler.afterPropertiesSet();
	}

	@Test
	void joiningAPublicRoomEntersThePresenceFirstThenMakesAMemberWithItsJoinLine() {
		given(this.access.of("lounge", "alice")).willReturn(new Access(Access.Level.READER, RoomKind.PUBLIC));
		send(SimpMessageType.MESSAGE, "/app/room.lounge.join", "");
		InOrder order = inOrder(this.presence, this.memberships);
		order.verify(this.presence).enter("lounge", "alice", "s1");
		order.verify(this.memberships).add("lounge", "alice", Role.MEMBER, null);
	}

	@Test
	void aMemberJoiningAgainOnlyEntersThePresence() {
		send(SimpMessageType.MESSAGE, "/app/room.general.join", "");
		verify(this.presence).enter("general", "alice", "s1");
		verifyNoInteractions(this.memberships, this.posting);
	}

	@Test
	void leavingLeavesThePresenceFirstThenEndsTheMembership() {
		send(SimpMessageType.MESSAGE, "/app/room.general.leave", "");
		InOrder order = inOrder(this.presence, this.memberships);
		order.verify(this.presence).leave("general", "alice", "s1");
		order.verify(this.memberships).remove("general", "alice", null);
	}

	@Test
	void leavingADirectChatIsRefused() {
		given(this.access.of("dm-1", "alice")).willReturn(new Access(Access.Level.MEMBER, RoomKind.DIRECT));
		send(SimpMessageType.MESSAGE, "/app/room.dm-1.leave", "");
		verifyNoInteractions(this.presence, this.memberships);
	}

	@Test
	void aRoomTheUserMayNotReadTouchesNothing() {
		send(SimpMessageType.MESSAGE, "/app/room.secret.join", "");
		send(SimpMessageType.MESSAGE, "/app/room.secret.leave", "");
		send(SimpMessageType.MESSAGE, "/app/room.secret.chat", "{\"text\": \"hi\"}");
		send(SimpMessageType.SUBSCRIBE, "/app/room.secret.history", "");
		assertThat(this.toClients.messages).isEmpty();
		verifyNoInteractions(this.presence, this.posting, this.typing, this.memberships, this.history);
	}

	@Test
	void aReaderOfAPublicRoomMayNotChatOrLeaveButReadsItsHistory() {
		given(this.access.of("lounge", "alice")).willReturn(new Access(Access.Level.READER, RoomKind.PUBLIC));
		given(this.history.latest("lounge")).willReturn(new HistoryPage(List.of(), false));
		send(SimpMessageType.MESSAGE, "/app/room.lounge.chat", "{\"text\": \"hi\"}");
		send(SimpMessageType.MESSAGE, "/app/room.lounge.leave", "");
		send(SimpMessageType.SUBSCRIBE, "/app/room.lounge.history", "");
		verifyNoInteractions(this.posting, this.memberships, this.presence);
		verify(this.history).latest("lounge");
	}

	@Test
	void aPostedChatLineEndsTheSendersTyping() {
		given(this.posting.chat("general", "alice", "hi", "c-1", null))
			.willReturn(Optional.of(message(MessageType.CHAT)));
		send(SimpMessageType.MESSAGE, "/app/room.general.chat", "{\"text\": \"hi\", \"clientId\": \"c-1\"}");
		verify(this.posting).chat("general", "alice", "hi", "c-1", null);
		verify(this.typing).stop("general", "alice");
	}

	@Test
	void aRetriedChatLineChangesNoTypingState() {
		given(this.posting.chat("general", "alice", "hi", "c-1", null)).willReturn(Optional.empty());
		send(SimpMessageType.MESSAGE, "/app/room.general.chat", "{\"text\": \"hi\", \"clientId\": \"c-1\"}");
		verify(this.typing, never()).stop(anyString(), anyString());
	}

	@Test
	void theSenderIsThePrincipalWhateverTheBodySays() {
		send(SimpMessageType.MESSAGE, "/app/room.general.chat", "{\"text\": \"hi\", \"sender\": \"mallory\"}");
		verify(this.posting).chat("general", "alice", "hi", null, null);
	}

	@Test
	void anInvalidRoomIdTouchesNothing() {
		send(SimpMessageType.MESSAGE, "/app/room.No-Such.join", "");
		send(SimpMessageType.MESSAGE, "/app/room.No-Such.leave", "");
		send(SimpMessageType.MESSAGE, "/app/room.No-Such.chat", "{\"text\": \"hi\"}");
		verifyNoInteractions(this.presence, this.posting, this.typing, this.memberships);
	}

	@Test
	void subscribingToHistoryRepliesWithTheLatestPageToTheSubscriberAlone() {
		given(this.history.latest("general")).willReturn(new HistoryPage(List.of(message(MessageType.JOIN)), false));
		send(SimpMessageType.SUBSCRIBE, "/app/room.general.history", "");
		assertThat(this.toClients.messages).hasSize(1);
		Message<?> reply = this.toClients.messages.get(0);
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.wrap(reply);
		assertThat(headers.getSessionId()).isEqualTo("s1");
		assertThat(headers.getSubscriptionId()).isEqualTo("sub-1");
		assertThat(headers.getDestination()).isEqualTo("/app/room.general.history");
		assertThat(new String((byte[]) reply.getPayload(), StandardCharsets.UTF_8)).contains("\"type\":\"JOIN\"")
			.contains("\"hasMore\":false");
		verify(this.history).latest("general");
		verifyNoInteractions(this.posting);
	}

	@Test
	void historyOfAnInvalidRoomIdRepliesNothing() {
		send(SimpMessageType.SUBSCRIBE, "/app/room.No-Such.history", "");
		assertThat(this.toClients.messages).isEmpty();
		verify(this.history, never()).latest(any());
	}

	private void send(SimpMessageType type, String destination, String body) {
		SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(type);
		headers.setDestination(destination);
		headers.setSessionId("s1");
		headers.setUser(this.alice);
		headers.setSessionAttributes(new HashMap<>());
		if (type == SimpMessageType.SUBSCRIBE) {
			headers.setSubscriptionId("sub-1");
		}
		headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
		this.handler.handleMessage(
				MessageBuilder.createMessage(body.getBytes(StandardCharsets.UTF_8), headers.getMessageHeaders()));
	}

	private static MessageView message(MessageType type) {
		return MessageView.line(1L, "general", 1, type, "alice", (type == MessageType.CHAT) ? "hi" : null,
				Instant.now(), null);
	}

	/**
	 * Keeps what the handler sends to clients.
	 */
	static final class OutboundChannel extends AbstractSubscribableChannel {

		final List<Message<?>> messages = new ArrayList<>();

		@Override
		protected boolean sendInternal(Message<?> message, long timeout) {
			this.messages.add(message);
			return true;
		}

		@Override
		public boolean subscribe(MessageHandler handler) {
			return true;
		}

	}

}
