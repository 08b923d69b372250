package io.stompchat.system.stomp;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * A graceful stop of the STOMP edge, when the application context starts closing
 * (SIGTERM) and before any lifecycle bean (broker, channels, web server) stops: readiness
 * turns to {@code REFUSING_TRAFFIC}, new WebSocket and SockJS handshakes are answered
 * 503, every frame already received is handled (so stored, broadcast and acknowledged),
 * then every session is closed with 1012 (service restart) so that its client reconnects,
 * and the frames that closing brings (the DISCONNECTs) are handled too. Each wait is
 * bounded, so the whole stop stays well within the 30 s an orchestrator allows.
 * <p>
 * A frame that was not handled in time gets no RECEIPT: its client sends it again after
 * reconnecting, and a chat line's {@code clientId} keeps it from being stored twice.
 */
@Component
class GracefulShutdown implements HandshakeInterceptor {

	static final CloseStatus RESTARTING = CloseStatus.SERVICE_RESTARTED.withReason("Server restarting");

	/** The longest wait for the frames already received, closing included. */
	static final Duration DRAIN = Duration.ofSeconds(15);

	/**
	 * The wait for the frames that closing brings, even when the first wait used it all.
	 */
	static final Duration LAST_DRAIN = Duration.ofSeconds(2);

	private static final Log logger = LogFactory.getLog(GracefulShutdown.class);

	private final ApplicationContext context;

	private final Connections connections;

	private final List<ThreadPoolTaskExecutor> channels;

	private volatile boolean stopping;

	GracefulShutdown(ApplicationContext context, Connections connections,
			@Lazy @Qualifier("clientInboundChannelExecutor") ThreadPoolTaskExecutor inbound,
			@Lazy @Qualifier("clientOutboundChannelExecutor") ThreadPoolTaskExecutor outbound) {
		this.context = context;
		this.connections = connections;
		this.channels = List.of(inbound, outbound);
	}

	@Override
	public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Map<String, Object> attributes) {
		if (this.stopping) {
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			response.getHeaders().set("Retry-After", "5");
			return false;
		}
		return true;
	}

	@Override
	public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
			Exception exception) {
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(ContextClosedEvent closed) {
		if (closed.getApplicationContext() != this.context || this.stopping) {
			return;
		}
		// Boot has turned readiness to REFUSING_TRAFFIC just before this event
		this.stopping = true;
		long started = System.nanoTime();
		long deadline = started + DRAIN.toNanos();
		boolean received = drain(deadline);
		int sessions = this.connections.closeAll(RESTARTING);
		boolean ended = drain(Math.max(deadline, System.nanoTime() + LAST_DRAIN.toNanos()));
		logger.info("Stopped the STOMP edge in " + Duration.ofNanos(System.nanoTime() - started).toMillis()
				+ " ms: closed " + sessions + " connection(s) with 1012"
				+ (received ? "" : "; frames received before were still being handled")
				+ (ended ? "" : "; frames after the close were still being handled"));
	}

	/**
	 * Waits until the inbound and outbound channels have nothing queued or running, twice
	 * in a row (a handled frame can queue the next one of its session), or until the
	 * deadline.
	 * @param deadline a {@link System#nanoTime()}
	 * @return whether they went idle in time
	 */
	private boolean drain(long deadline) {
		int idle = 0;
		while (System.nanoTime() < deadline) {
			idle = busy() ? 0 : idle + 1;
			if (idle >= 3) {
				return true;
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		return false;
	}

	private boolean busy() {
		for (ThreadPoolTaskExecutor executor : this.channels) {
			if (executor.getActiveCount() > 0 || executor.getQueueSize() > 0) {
				return true;
			}
		}
		return false;
	}

}
