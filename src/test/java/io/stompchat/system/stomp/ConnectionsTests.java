package io.stompchat.system.stomp;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

import io.stompchat.system.ChatProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.session.web.socket.server.SessionRepositoryMessageInterceptor;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Connection limits per user and per address, and closing on the end of the HTTP session.
 */
class ConnectionsTests {

	private final Connections connections = new Connections(
			settings(Map.of("chat.limits.connections-per-user", "2", "chat.limits.connections-per-address", "3")));

	private int ids;

	@Test
	void aUserHasAtMostTheirLimitOfConnections() {
		assertThat(this.connections.admit(session("ann", "10.0.0.1", "h1"))).isNull();
		assertThat(this.connections.admit(session("ann", "10.0.0.2", "h1"))).isNull();
		assertThat(this.connections.admit(session("ann", "10.0.0.3", "h1"))).contains("per user");
		assertThat(this.connections.admit(session("bob", "10.0.0.3", "h2"))).isNull();
	}

	@Test
	void anAddressHasAtMostItsLimitOfConnections() {
		assertThat(this.connections.admit(session("ann", "10.0.0.9", "h1"))).isNull();
		assertThat(this.connections.admit(session("bob", "10.0.0.9", "h2"))).isNull();
		assertThat(this.connections.admit(session("cid", "10.0.0.9", "h3"))).isNull();
		assertThat(this.connections.admit(session("dan", "10.0.0.9", "h4"))).contains("per address");
		assertThat(this.connections.admit(session("dan", "10.0.0.8", "h4"))).isNull();
	}

	@Test
	void signingOutClosesTheWebSocketsOfThatHttpSession() throws Exception {
		WebSocketSession signedOut = session("ann", "10.0.0.1", "h1");
		WebSocketSession other = session("ann", "10.0.0.1", "h2");
		this.connections.admit(signedOut);
		this.connections.admit(other);
		MockHttpServletRequest logout = new MockHttpServletRequest("POST", "/logout");
		logout.setSession(new MockHttpSession(null, "h1"));
		this.connections.logout(logout, new MockHttpServletResponse(), null);
		verify(signedOut).close(Connections.SIGNED_OUT);
		verify(other, never()).close(any(CloseStatus.class));
	}

	/**
	 * The settings as Spring binds them: the defaults, but for the values under test.
	 */
	private static ChatProperties settings(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("chat", ChatProperties.class);
	}

	private WebSocketSession session(String user, String address, String httpSessionId) {
		WebSocketSession session = mock(WebSocketSession.class);
		Principal principal = () -> user;
		Map<String, Object> attributes = new HashMap<>();
		SessionRepositoryMessageInterceptor.setSessionId(attributes, httpSessionId);
		given(session.getId()).willReturn("ws-" + (++this.ids));
		given(session.getPrincipal()).willReturn(principal);
		given(session.getRemoteAddress()).willReturn(new InetSocketAddress(address, 40000));
		given(session.getAttributes()).willReturn(attributes);
		return session;
	}

}
