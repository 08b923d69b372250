package io.stompchat.presence;

import java.security.Principal;
import java.util.List;

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

	final LocalSessions local = new LocalSessions();

	final PresenceSnapshots snapshots = new PresenceSnapshots(this.joined, this.broker, this.events);

	final TypingIndicators typing = mock();

	final RoomPresence presence = new RoomPresence(this.joined, this.local, this.snapshots, this.typing, this.registry);

	final PresenceDisconnects disconnects = new PresenceDisconnects(this.joined, this.local, this.presence);

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
		this.presence.enter("general", "alice", "s1");
		verify(this.broker, never()).convertAndSend(anyString(), any(Object.class));
		this.snapshots.flush();
		this.snapshots.flush();
		verify(this.broker, times(1)).convertAndSend(eq("/topic/room.general"),
				eq(new PresenceSnapshots.PresenceSnapshot("general", List.of("alice"))));
		verify(this.events).publishEvent(new PresenceChanged("general", List.of("alice")));
		assertThat(this.local.hasJoined("s1", "general")).isTrue();
	}

	@Test
	void aSecondTabJoiningChangesNothing() {
		given(this.joined.countSessions("general", "alice")).willReturn(1L);
		given(this.joined.join(eq("s2"), eq("alice"), eq("general"), any())).willReturn(1);
		this.presence.enter("general", "alice", "s2");
		this.snapshots.flush();
		verify(this.broker, never()).convertAndSend(anyString(), any(Object.class));
		assertThat(this.local.hasJoined("s2", "general")).isTrue();
	}

	@Test
	void aSecondJoinOfTheSameSessionChangesNothing() {
		given(this.joined.countSessions("general", "alice")).willReturn(1L);
		given(this.joined.join(eq("s1"), eq("alice"), eq("general"), any())).willReturn(0);
		given(this.joined.existsBySessionIdAndUsernameAndRoomId("s1", "alice", "general")).willReturn(true);
		this.presence.enter("general", "alice", "s1");
		this.snapshots.flush();
		verify(this.broker, never()).convertAndSend(anyString(), any(Object.class));
		assertThat(this.local.hasJoined("s1", "general")).isTrue();
	}

	@Test
	void joiningARoomThatDoesNotExistIsNotRemembered() {
		given(this.joined.countSessions("nowhere", "alice")).willReturn(0L);
		given(this.joined.join(eq("s1"), eq("alice"), eq("nowhere"), any())).willReturn(0);
		this.presence.enter("nowhere", "alice", "s1");
		this.snapshots.flush();
		verify(this.broker, never()).convertAndSend(anyString(), any(Object.class));
		assertThat(this.local.hasJoined("s1", "nowhere")).isFalse();
	}

	@Test
	void aDisconnectReportedTwiceIsHandledOnce() {
		given(this.joined.roomsOf("s1", "alice")).willReturn(List.of("general"), List.of());
		given(this.joined.leave("s1", "alice", "general")).willReturn(1);
		given(this.joined.countSessions("general", "alice")).willReturn(0L);
		given(this.joined.online("general")).willReturn(List.of());
		this.disconnects.on(disconnected("s1"));
		this.disconnects.on(disconnected("s1"));
		this.snapshots.flush();
		verify(this.joined, times(1)).leave("s1", "alice", "general");
		verify(this.broker, times(1)).convertAndSend(eq("/topic/room.general"),
				eq(new PresenceSnapshots.PresenceSnapshot("general", List.of())));
	}

	@Test
	void closingOneOfTwoTabsChangesNothing() {
		given(this.joined.roomsOf("s1", "alice")).willReturn(List.of("general"));
		given(this.joined.leave("s1", "alice", "general")).willReturn(1);
		given(this.joined.countSessions("general", "alice")).willReturn(1L);
		this.disconnects.on(disconnected("s1"));
		this.snapshots.flush();
		verify(this.broker, never()).convertAndSend(anyString(), any(Object.class));
	}

	@Test
	void aJoinThatArrivesAfterItsSessionEndedIsUndone() {
		given(this.registry.getUser("alice")).willReturn(null);
		given(this.joined.countSessions("general", "alice")).willReturn(0L);
		given(this.joined.join(eq("gone"), eq("alice"), eq("general"), any())).willReturn(1);
		given(this.joined.leave("gone", "alice", "general")).willReturn(1);
		this.presence.enter("general", "alice", "gone");
		verify(this.joined).leave("gone", "alice", "general");
		assertThat(this.local.hasJoined("gone", "general")).isFalse();
	}

	@Test
	void leavingRemovesTheSessionAndStopsTyping() {
		given(this.joined.countSessions("general", "alice")).willReturn(0L, 0L);
		given(this.joined.join(eq("s1"), eq("alice"), eq("general"), any())).willReturn(1);
		given(this.joined.leave("s1", "alice", "general")).willReturn(1);
		this.presence.enter("general", "alice", "s1");
		this.presence.leave("general", "alice", "s1");
		assertThat(this.local.hasJoined("s1", "general")).isFalse();
		verify(this.typing).stop("general", "alice");
	}

	@Test
	void commandsWithoutAUsableSessionLeavePresenceAlone() {
		this.presence.enter("general", "alice", null);
		this.presence.enter("general", "alice", "s".repeat(RoomPresence.MAX_SESSION_ID + 1));
		this.presence.leave("general", "alice", null);
		verify(this.joined, never()).join(anyString(), anyString(), anyString(), any());
		verify(this.joined, never()).leave(anyString(), anyString(), anyString());
	}

	private SessionDisconnectEvent disconnected(String sessionId) {
		return new SessionDisconnectEvent(this, MessageBuilder.withPayload(new byte[0]).build(), sessionId,
				CloseStatus.NORMAL, this.alice);
	}

}
