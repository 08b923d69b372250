package io.stompchat.system.stomp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.stompchat.system.ChatProperties;
import io.stompchat.system.Texts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.session.web.socket.server.SessionRepositoryMessageInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * The open WebSocket and SockJS sessions: at most
 * {@code chat.limits.connections-per-user} per user and
 * {@code chat.limits.connections-per-address} per remote address; and when the user signs
 * out, the WebSocket sessions opened with that HTTP session are closed. The HTTP session
 * id comes from the handshake ({@link SessionRepositoryMessageInterceptor}); Spring
 * Session's JDBC store announces no ended sessions, so sign-out tells this class itself,
 * as one of Spring Security's logout handlers, before the session is invalidated.
 * <p>
 * The one place that logs connections: a line when one opens, when one closes (with its
 * close code) and when one is refused, with the session id and the user, never what was
 * said.
 */
@Component
public class Connections implements WebSocketHandlerDecoratorFactory, LogoutHandler, DisposableBean {

	static final CloseStatus SIGNED_OUT = CloseStatus.POLICY_VIOLATION.withReason("Signed out");

	private static final Log logger = LogFactory.getLog(Connections.class);

	private final ChatProperties.Limits limits;

	private final Map<String, Outbox> open = new ConcurrentHashMap<>();

	/** Writes SockJS sessions and closes slow ones: see {@link Outbox}. */
	private final ExecutorService writers = Executors.newCachedThreadPool(new CustomizableThreadFactory("ws-writer-") {
		{
			setDaemon(true);
		}
	});

	Connections(ChatProperties properties) {
		this.limits = properties.limits();
	}

	@Override
	public WebSocketHandler decorate(WebSocketHandler handler) {
		return new WebSocketHandlerDecorator(handler) {

			@Override
			public void afterConnectionEstablished(WebSocketSession session) throws Exception {
				Outbox outbox = outboxOf(session);
				String refusal = admit(outbox);
				if (refusal != null) {
					refuse(session, refusal);
					return;
				}
				log("Opened", session, null);
				super.afterConnectionEstablished(outbox);
			}

			@Override
			public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
				Outbox outbox = Connections.this.open.get(session.getId());
				super.handleMessage((outbox != null) ? outbox : session, message);
			}

			@Override
			public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
				Outbox outbox = Connections.this.open.remove(session.getId());
				if (outbox != null) {
					outbox.ended();
					log("Closed", session, closeStatus);
					super.afterConnectionClosed(outbox, closeStatus);
				}
			}

		};
	}

	/**
	 * Counts the session in, or says why not.
	 * @param session a new session
	 * @return null when admitted, else the reason
	 */
	synchronized String admit(WebSocketSession session) {
		String user = name(session.getPrincipal());
		String address = address(session);
		long byUser = 0;
		long byAddress = 0;
		for (WebSocketSession other : this.open.values()) {
			if (Objects.equals(user, name(other.getPrincipal()))) {
				byUser++;
			}
			if (Objects.equals(address, address(other))) {
				byAddress++;
			}
		}
		if (byUser >= this.limits.connectionsPerUser()) {
			return "Too many connections: at most " + this.limits.connectionsPerUser() + " per user.";
		}
		if (byAddress >= this.limits.connectionsPerAddress()) {
			return "Too many connections: at most " + this.limits.connectionsPerAddress() + " per address.";
		}
		this.open.put(session.getId(), (session instanceof Outbox outbox) ? outbox : outboxOf(session));
		return null;
	}

	private Outbox outboxOf(WebSocketSession session) {
		return new Outbox(session, this.writers, this.limits.sendBufferSize(), this.limits.sendTimeMs(),
				WholeMessages.textLimit(this.limits.frameSize()));
	}

	/**
	 * Where to send one session's frames.
	 * @param sessionId the WebSocket or SockJS session
	 * @return its outbox, or null when it is not open here
	 */
	Outbox outbox(String sessionId) {
		return this.open.get(sessionId);
	}

	@Override
	public void destroy() {
		this.writers.shutdown();
	}

	/**
	 * The sessions open on this instance of some users.
	 * @param usernames the users
	 * @return the ids of each one's sessions, for those who have one
	 */
	public Map<String, List<String>> sessionsHere(Collection<String> usernames) {
		Map<String, List<String>> sessions = new HashMap<>();
		for (WebSocketSession session : this.open.values()) {
			String user = name(session.getPrincipal());
			if (user != null && usernames.contains(user)) {
				sessions.computeIfAbsent(user, (key) -> new ArrayList<>(2)).add(session.getId());
			}
		}
		return sessions;
	}

	/**
	 * Closes the WebSocket sessions opened with the HTTP session that signs out.
	 * @param request the sign-out request
	 * @param response its response
	 * @param authentication who signs out, if anyone
	 */
	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		HttpSession httpSession = request.getSession(false);
		if (httpSession != null) {
			closeOpenedWith(httpSession.getId());
		}
	}

	/**
	 * Closes the WebSocket sessions opened with an HTTP session that ends.
	 * @param httpSessionId the HTTP session's id
	 */
	void closeOpenedWith(String httpSessionId) {
		this.open.values()
			.stream()
			.filter((session) -> httpSessionId
				.equals(SessionRepositoryMessageInterceptor.getSessionId(session.getAttributes())))
			.forEach((session) -> close(session, SIGNED_OUT));
	}

	/**
	 * Closes one open session, if it is still open.
	 * @param sessionId the WebSocket session
	 * @param status the close status the client gets
	 */
	void close(String sessionId, CloseStatus status) {
		WebSocketSession session = this.open.get(sessionId);
		if (session != null) {
			close(session, status);
		}
	}

	/**
	 * Closes every open session.
	 * @param status the close status the clients get
	 * @return how many were open
	 */
	int closeAll(CloseStatus status) {
		int count = this.open.size();
		this.open.values().forEach((session) -> close(session, status));
		return count;
	}

	private static void log(String what, WebSocketSession session, CloseStatus status) {
		if (logger.isInfoEnabled()) {
			String user = name(session.getPrincipal());
			logger.info(what + " connection " + Texts.forLog(session.getId()) + " of "
					+ Texts.forLog(String.valueOf(user)) + " from " + Texts.forLog(String.valueOf(address(session)))
					+ ((status != null) ? ": " + status.getCode() : ""));
		}
	}

	private static void refuse(WebSocketSession session, String reason) {
		try {
			session.sendMessage(
					new TextMessage(ErrorFrames.encoded(session.getId(), name(session.getPrincipal()), reason)));
		}
		catch (IOException | RuntimeException ex) {
			// closed already
		}
		close(session, CloseStatus.POLICY_VIOLATION.withReason("Too many connections"));
	}

	private static void close(WebSocketSession session, CloseStatus status) {
		try {
			session.close(status);
		}
		catch (IOException | RuntimeException ex) {
			logger.debug("Could not close WebSocket session " + session.getId(), ex);
		}
	}

	private static String name(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	private static String address(WebSocketSession session) {
		InetSocketAddress remote = session.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : null;
	}

}
