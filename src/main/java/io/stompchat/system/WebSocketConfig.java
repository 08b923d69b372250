package io.stompchat.system;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.simp.config.ChannelRegistration;
import org.springframework.messaging.simp.config.MessageBrokerRegistry;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.socket.config.annotation.EnableWebSocketMessageBroker;
import org.springframework.web.socket.config.annotation.StompEndpointRegistry;
import org.springframework.web.socket.config.annotation.WebSocketMessageBrokerConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketTransportRegistration;
import org.springframework.web.socket.server.support.HttpSessionHandshakeInterceptor;
import org.springframework.web.socket.server.standard.ServletServerContainerFactoryBean;

/**
 * STOMP over WebSocket at {@code /ws} (SockJS; native WebSocket at
 * {@code /ws/websocket}). Clients send to {@code /app/**}; the broker serves
 * {@code /topic/**} and {@code /queue/**} with dots after the prefix
 * ({@code /topic/room.general}), which the in-memory broker, RabbitMQ and Artemis all
 * accept. The broker relay is a switch, not a second code path.
 * <p>
 * The handshake keeps the HTTP session id (never its attributes) so that signing out
 * closes the connection; {@link Connections} counts connections; {@link StompGate} checks
 * every inbound frame after Spring Security; {@link FrameErrors} words the ERROR frame of
 * a refused one.
 */
@Configuration
@EnableWebSocketMessageBroker
class WebSocketConfig implements WebSocketMessageBrokerConfigurer {

	private final ChatProperties properties;

	private final Connections connections;

	private final StompGate gate;

	private final ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();

	WebSocketConfig(ChatProperties properties, Connections connections, StompGate gate) {
		this.properties = properties;
		this.connections = connections;
		this.gate = gate;
		this.heartbeats.setPoolSize(1);
		this.heartbeats.setThreadNamePrefix("stomp-heartbeat-");
		this.heartbeats.setDaemon(true);
		this.heartbeats.initialize();
	}

	@Override
	public void registerStompEndpoints(StompEndpointRegistry registry) {
		String[] origins = this.properties.allowedOrigins().toArray(String[]::new);
		registry.addEndpoint("/ws")
			.setAllowedOriginPatterns(origins)
			.addInterceptors(new HttpSessionHandshakeInterceptor(List.of()))
			.withSockJS()
			// the iframe transports load SockJS from here, not from a CDN
			.setClientLibraryUrl("/webjars/sockjs-client/sockjs.min.js");
		registry.setPreserveReceiveOrder(true);
		registry.setErrorHandler(new FrameErrors());
	}

	@Override
	public void configureClientInboundChannel(ChannelRegistration registration) {
		registration.interceptors(this.gate);
	}

	@Override
	public void configureMessageBroker(MessageBrokerRegistry registry) {
		registry.setApplicationDestinationPrefixes("/app");
		registry.setUserDestinationPrefix("/user");
		registry.setPathMatcher(new AntPathMatcher("."));
		registry.setPreservePublishOrder(true);
		long heartbeat = this.properties.heartbeatMs();
		ChatProperties.Relay relay = this.properties.broker().relay();
		if (relay.enabled()) {
			registry.enableStompBrokerRelay("/topic", "/queue")
				.setRelayHost(relay.host())
				.setRelayPort(relay.port())
				.setClientLogin(relay.login())
				.setClientPasscode(relay.passcode())
				.setSystemLogin(relay.login())
				.setSystemPasscode(relay.passcode())
				.setVirtualHost(relay.virtualHost())
				.setSystemHeartbeatSendInterval(heartbeat)
				.setSystemHeartbeatReceiveInterval(heartbeat)
				.setUserDestinationBroadcast("/topic/chat.unresolved-user")
				.setUserRegistryBroadcast("/topic/chat.user-registry");
		}
		else {
			registry.enableSimpleBroker("/topic", "/queue")
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
	 * The WebSocket container's buffers: large enough for a whole 64 KiB STOMP frame,
	 * even when SockJS escapes it; the STOMP decoder enforces the frame limit itself.
	 * @return the container settings
	 */
	@Bean
	ServletServerContainerFactoryBean webSocketContainer() {
		ServletServerContainerFactoryBean container = new ServletServerContainerFactoryBean();
		int buffer = this.properties.limits().frameSize() * 2 + 1024;
		container.setMaxTextMessageBufferSize(buffer);
		container.setMaxBinaryMessageBufferSize(buffer);
		return container;
	}

}
