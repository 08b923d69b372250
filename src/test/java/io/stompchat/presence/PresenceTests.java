package io.stompchat.presence;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import io.stompchat.message.MessagePosted;
import io.stompchat.message.MessageType;
import io.stompchat.message.MessageView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * When a room's set of online users may have changed, and that a snapshot follows once
 * per flush.
 */
class PresenceTests {

	final JoinedSessions joined = mock();

	final SimpUserRegistry registry = mock();

	final SimpMessageSendingOperations broker = mock();

	final ApplicationEventPublisher events = mock();

	final Presence presence = new Presence(this.joined, this.registry, this.broker, this.events);

	final Principal alice = () -> "alice";

	@BeforeEach
	void aliceIsConnected() {
		SimpUser user = mock();
		given(user.getSession(anyString())).willReturn(mock(SimpSession.class));
		given(this.registry.getUser("alice")).willReturn(user);
		given(this.joined.online("general")).willReturn(List.of("alice"));
	}

	@Test
	void aFirstJoinIsBroadcastOnceAfterTheFlush() {
		given(this.joined.countSessions("general", "alice")).willReturn(0L);
		given(this.joined.join(eq("s1"), eq("alice"), eq("general"), any())).willReturn(1);
		this.presence.on(posted(MessageType.JOIN, "s1"));
		verify(this.broker, never()).convertAndSend(anyString(), any(Object.class));
		this.presence.flush();
		this.presence.flush();
		verify(this.broker, times(1)).convertAndSend(eq("/topic/room.general"),
				eq(new Presence.PresenceSnapshot("general", List.of("alice"))));
		verify(this.events).publishEvent(new PresenceChanged("general", List.of("alice")));
		assertThat(this.presence.hasJoined("s1", "general")).isTrue();
	}

	@Test
	void aSecondTabJoiningChangesNothing() {
		given(this.joined.countSessions("general", "alice")).willReturn(1L);
		given(this.joined.join(eq("s2"), eq("alice"), eq("general"), any())).willReturn(1);
		this.presence.on(posted(MessageType.JOIN, "s2"));
		this.presence.flush();
		verify(this.broker, never()).convertAndSend(anyString(), any(Object.class));
		assertThat(this.presence.hasJoined("s2", "general")).isTrue();
	}

	@Test
	void aDisconnectReportedTwiceIsHandledOnce() {
		given(this.joined.roomsOf("s1", "alice")).willReturn(List.of("general"), List.of());
		given(this.joined.leave("s1", "alice", "general")).willReturn(1);
		given(this.joined.countSessions("general", "alice")).willReturn(0L);
		given(this.joined.online("general")).willReturn(List.of());
		this.presence.on(disconnected("s1"));
		this.presence.on(disconnected("s1"));
		this.presence.flush();
		verify(this.joined, times(1)).leave("s1", "alice", "general");
		verify(this.broker, times(1)).convertAndSend(eq("/topic/room.general"),
				eq(new Presence.PresenceSnapshot("general", List.of())));
	}

	@Test
	void closingOneOfTwoTabsChangesNothing() {
		given(this.joined.roomsOf("s1", "alice")).willReturn(List.of("general"));
		given(this.joined.leave("s1", "alice", "general")).willReturn(1);
		given(this.joined.countSessions("general", "alice")).willReturn(1L);
		this.presence.on(disconnected("s1"));
		this.presence.flush();
		verify(this.broker, never()).convertAndSend(anyString(), any(Object.class));
	}

	@Test
	void aJoinThatArrivesAfterItsSessionEndedIsUndone() {
		given(this.registry.getUser("alice")).willReturn(null);
		given(this.joined.countSessions("general", "alice")).willReturn(0L);
		given(this.joined.join(eq("gone"), eq("alice"), eq("general"), any())).willReturn(1);
		given(this.joined.leave("gone", "alice", "general")).willReturn(1);
		this.presence.on(posted(MessageType.JOIN, "gone"));
		verify(this.joined).leave("gone", "alice", "general");
		assertThat(this.presence.hasJoined("gone", "general")).isFalse();
	}

	@Test
	void chatAndMessagesWithoutASessionLeavePresenceAlone() {
		this.presence.on(posted(MessageType.CHAT, "s1"));
		this.presence.on(posted(MessageType.JOIN, null));
		verify(this.joined, never()).join(anyString(), anyString(), anyString(), any());
	}

	private static MessagePosted posted(MessageType type, String sessionId) {
		return new MessagePosted(new MessageView(1L, "general", 1, type, "alice",
				(type == MessageType.CHAT) ? "hi" : null, Instant.now(), null), sessionId);
	}

	private SessionDisconnectEvent disconnected(String sessionId) {
		return new SessionDisconnectEvent(this, MessageBuilder.withPayload(new byte[0]).build(), sessionId,
				CloseStatus.NORMAL, this.alice);
	}

}
