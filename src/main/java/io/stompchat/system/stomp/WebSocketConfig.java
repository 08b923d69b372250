package io.stompchat.system.stomp;

import java.time.Duration;

import io.stompchat.system.ChatProperties;
import io.stompchat.system.Destinations;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.socket.server.SessionRepositoryMessageInterceptor;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP over WebSocket at {@code /ws} (SockJS; native WebSocket at
 * {@code /ws/websocket}). Clients send to {@code /app/**}; the broker serves
 * {@code /topic/**} and {@code /queue/**} with dots after the prefix
 * ({@code /topic/room.general}), which the in-memory broker, RabbitMQ and Artemis all
 * accept. The broker relay is a switch, not a second code path.
 * <p>
 * The path of an inbound frame, in order:
 * <ol>
 * <li>the handshake keeps the HTTP session id (never its attributes): signing out closes
 * the connection, and frames keep the HTTP session alive; once shutdown has begun,
 * {@link GracefulShutdown} answers it 503; {@link DeflateHandshakeHandler} accepts
 * permessage-deflate only when {@code chat.websocket.deflate} is on;</li>
 * <li>{@link Connections} admits the WebSocket session, or refuses it with an ERROR frame
 * (at most so many per user and per address);</li>
 * <li>the STOMP decoder refuses frames over {@code chat.limits.frame-size}; Spring hands
 * such errors to {@link ErrorFrames};</li>
 * <li>inbound channel, registered first by {@link First}: {@link Heartbeats} hands a
 * connected client's heart-beat straight to the broker handler, and it goes no further;
 * then {@link ErrorFrameInterceptor} turns a refusal by any later interceptor into an
 * ERROR frame;</li>
 * <li>inbound channel: Spring Security's interceptors (security context, CSRF on CONNECT,
 * authorization by {@link WebSocketSecurityConfig}), registered by
 * {@code @EnableWebSocketSecurity} at {@code HIGHEST_PRECEDENCE + 100};</li>
 * <li>inbound channel, registered last by this class: {@link SessionKeepAlive}, which has
 * Spring Session's {@link SessionRepositoryMessageInterceptor} touch the HTTP session in
 * the database on CONNECT and then at most once per interval of a connection's frames, so
 * that a user chatting over a WebSocket for longer than
 * {@code server.servlet.session.timeout} stays signed in; then {@link StompGate}: header
 * and subscription limits, SEND rates, only standard headers passed on; then
 * {@link RoomSubscriptions}: a SUBSCRIBE to a room's topic by a user who may not read the
 * room is answered with 404 on {@code /user/queue/errors} and dropped;</li>
 * <li>the {@code @MessageMapping} handlers; their {@code Refusal}s are answered on
 * {@code /user/queue/errors} by {@link StompRefusals}, and {@link UnknownDestinations}
 * answers the destinations no handler serves;</li>
 * <li>after a handler returned without a refusal, {@link Receipts} sends the RECEIPT the
 * SEND asked for; after the broker handled a DISCONNECT, {@link Disconnects} closes the
 * session (once its RECEIPT, if any, is written: {@link Disconnects} is on the outbound
 * channel too).</li>
 * </ol>
 * A MESSAGE to a room's topic on its way to the in-memory broker is encoded once and
 * written to each subscriber by {@link RoomBroadcasts}, registered on the broker channel;
 * every other frame takes Spring's outbound channel. Either way a session's frames end in
 * its {@link Outbox} (installed by {@link Connections}), which writes them in order
 * without blocking the sender.
 * <p>
 * The outbound channel has three interceptors: {@link Heartbeats} writes a heart-beat
 * straight to the session's {@link Outbox}; {@link RoomSubscriptions}, after the LEAVE
 * that names a session's user, drops everything more for that subscription to the room;
 * then {@link Disconnects} closes a session once its DISCONNECT RECEIPT is written.
 */
@Configuration
@EnableWebSocketMessageBroker
class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

	private final ChatProperties properties;

	private final Connections connections;

	private final StompGate gate;

	private final RoomSubscriptions roomSubscriptions;

	private final TaskScheduler heartbeats;

	private final SessionRepositoryMessageInterceptor<? extends Session> httpSessions;

	private final SessionKeepAlive keepAlive;

	private final Receipts receipts;

	private final Disconnects disconnects;

	private final GracefulShutdown shutdown;

	private final RoomBroadcasts broadcasts;

	private final Heartbeats heartbeatFrames;

	WebSocketConfig(ChatProperties properties, Connections connections, StompGate gate,
			RoomSubscriptions roomSubscriptions,
			@Lazy @Qualifier("messageBrokerTaskScheduler") TaskScheduler heartbeats,
			SessionRepository<? extends Session> httpSessions,
			@Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout, Receipts receipts,
			Disconnects disconnects, GracefulShutdown shutdown, RoomBroadcasts broadcasts, Heartbeats heartbeatFrames) {
		this.properties = properties;
		this.connections = connections;
		this.gate = gate;
		this.roomSubscriptions = roomSubscriptions;
		this.heartbeats = heartbeats;
		this.httpSessions = new SessionRepositoryMessageInterceptor<>(httpSessions);
		this.keepAlive = new SessionKeepAlive(this.httpSessions, sessionTimeout);
		this.receipts = receipts;
		this.disconnects = disconnects;
		this.shutdown = shutdown;
		this.broadcasts = broadcasts;
		this.heartbeatFrames = heartbeatFrames;
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		String[] origins = this.properties.allowedOrigins().toArray(String[]::new);
		registry.addEndpoint("/ws")
			// also SockJS's websocket transport: permessage-deflate only if configured
			.setHandshakeHandler(new DeflateHandshakeHandler(this.properties.websocket().deflate(),
					this.properties.limits().frameSize()))
			.setAllowedOriginPatterns(origins)
			.addInterceptors(this.shutdown, this.httpSessions)
			.withSockJS()
			// the iframe transports load SockJS from here, not from a CDN
			.setClientLibraryUrl("/webjars/sockjs-client/sockjs.min.js");
		registry.setPreserveReceiveOrder(true);
		registry.setErrorHandler(new ErrorFrames());
	}

	/**
	 * The inbound channel's interceptors, and its threads: Spring's default of two per
	 * core fits handlers that only compute, but a chat handler waits for its line's group
	 * commit ({@code message.GroupCommit}) and the lines waiting together share one
	 * transaction, so the pool is sized for the lines in flight rather than the cores.
	 * @param registration the inbound channel
	 */
	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		int threads = this.properties.websocket().inboundThreads();
		registration.taskExecutor().corePoolSize(threads).maxPoolSize(threads);
		registration.interceptors(this.keepAlive, this.gate, this.roomSubscriptions.inbound(), this.receipts,
				this.disconnects);
	}

	@Override
	public void configureClientOutboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.heartbeatFrames.outbound(), this.roomSubscriptions, this.disconnects);
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.configureBrokerChannel().interceptors(this.broadcasts);
		registry.setApplicationDestinationPrefixes(Destinations.APP);
		registry.setUserDestinationPrefix(Destinations.USER);
		registry.setPathMatcher(new AntPathMatcher("."));
		registry.setPreservePublishOrder(true);
		long heartbeat = this.properties.heartbeatMs();
		ChatProperties.Relay relay = this.properties.broker().relay();
		if (relay.enabled()) {
			registry.enableStompBrokerRelay(Destinations.TOPIC, Destinations.QUEUE)
				.setRelayHost(relay.host())
				.setRelayPort(relay.port())
				.setClientLogin(relay.login())
				.setClientPasscode(relay.passcode())
				.setSystemLogin(relay.login())
				.setSystemPasscode(relay.passcode())
				.setVirtualHost(relay.virtualHost())
				.setSystemHeartbeatSendInterval(heartbeat)
				.setSystemHeartbeatReceiveInterval(heartbeat)
				.setUserDestinationBroadcast(Destinations.UNRESOLVED_USER)
				.setUserRegistryBroadcast(Destinations.USER_REGISTRY);
		}
		else {
			registry.enableSimpleBroker(Destinations.TOPIC, Destinations.QUEUE)
				.setHeartbeatValue(new long[] { heartbeat, heartbeat })
				.setTaskScheduler(this.heartbeats)
				.setSelectorHeaderName(null);
		}
	}

	@Override
	public void configureWebSocketTransport(WebSocketTransportRegistration registration) {
		ChatProperties.Limits limits = this.properties.limits();
		registration.setMessageSizeLimit(limits.frameSize())
			.setSendTimeLimit(limits.sendTimeMs())
			.setSendBufferSizeLimit(limits.sendBufferSize())
			.addDecoratorFactory(this.connections);
	}

	/**
	 * The WebSocket container's buffers, which Tomcat allocates for every connection when
	 * it opens: {@link WholeMessages#PART}. A larger message arrives in parts, which
	 * {@link WholeMessages} joins up to the limit of {@code chat.limits.frame-size}; the
	 * STOMP decoder enforces the frame limit itself.
	 * @return the container settings
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		container.setMaxTextMessageBufferSize(WholeMessages.PART);
		container.setMaxBinaryMessageBufferSize(WholeMessages.PART);
		return container;
	}

	/**
	 * Registers {@link Heartbeats} and {@link ErrorFrameInterceptor} ahead of Spring
	 * Security's interceptors: step 4 of the pipeline above. Spring Security registers
	 * its own from a configurer ordered at {@code HIGHEST_PRECEDENCE + 100}, so the first
	 * interceptor needs a configurer ordered before it and {@link StompGate} one after
	 * it.
	 */
	@Configuration
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class First implements WebSocketMessageBrokerConfigurer {

		private final Heartbeats heartbeats;

		private final ErrorFrameInterceptor errorFrames;

		First(Heartbeats heartbeats, ErrorFrameInterceptor errorFrames) {
			this.heartbeats = heartbeats;
			this.errorFrames = errorFrames;
		}

		@Override
		public void configureClientInboundChannel(ChannelRegistration registration) {
			registration.interceptors(this.heartbeats.inbound(), this.errorFrames);
		}

	}

}
