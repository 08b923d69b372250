package io.stompchat.system.stomp;

import java.security.Principal;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;

/**
 * The WebSocket handshake of {@code /ws}, native and SockJS's websocket transport alike:
 * it accepts {@code permessage-deflate} only when {@code chat.websocket.deflate} is on,
 * and gives the container each connection's handler behind {@link WholeMessages}. Every
 * browser offers the extension, and Tomcat accepts it whenever it is offered, so without
 * this every browser connection would be compressed.
 * <p>
 * Off by default because here it costs more than it gains. The container compresses each
 * frame for each connection on the thread that writes it, so a line broadcast to a room
 * is compressed once per subscriber, and each connection keeps zlib state of its own (a
 * few hundred KiB at zlib's defaults). A chat frame is a few hundred bytes of STOMP
 * headers and JSON, so little is saved on the wire. The measurement behind the default:
 * with a client offering permessage-deflate, a bare Spring STOMP server delivered roughly
 * half the messages per second it did without. stomp-chat's own benchmark cannot offer
 * the extension yet ({@code benchmark/README.md}). Turn it on where bandwidth costs more
 * than CPU.
 * <p>
 * Spring's choice, {@link #filterRequestedExtensions}, is not enough on its own: Tomcat
 * negotiates its built-in extensions with whatever the request's
 * {@code Sec-WebSocket-Extensions} header offers, whichever extensions Spring selected
 * (its {@code UpgradeUtil} adds them to the endpoint's). So, when off, the container is
 * also given the request without the offer.
 */
class DeflateHandshakeHandler extends DefaultHandshakeHandler {

	private static final String PERMESSAGE_DEFLATE = "permessage-deflate";

	private final boolean deflate;

	/**
	 * A handshake handler.
	 * @param deflate whether permessage-deflate is accepted
	 * @param frameSize the largest STOMP frame a client may send, in bytes (see
	 * {@link WholeMessages#textLimit})
	 */
	DeflateHandshakeHandler(boolean deflate, int frameSize) {
		super(new Upgrade(deflate, frameSize));
		this.deflate = deflate;
	}

	@Override
	protected List<WebSocketExtension> filterRequestedExtensions(ServerHttpRequest request,
			List<WebSocketExtension> requestedExtensions, List<WebSocketExtension> supportedExtensions) {
		List<WebSocketExtension> accepted = super.filterRequestedExtensions(request, requestedExtensions,
				supportedExtensions);
		if (this.deflate) {
			return accepted;
		}
		return accepted.stream().filter((extension) -> !isDeflate(extension.getName())).toList();
	}

	/**
	 * The request as the container should see it: its {@code Sec-WebSocket-Extensions}
	 * header without the offers of permessage-deflate.
	 * @param request the handshake request
	 * @return the same request, with the offers left out
	 */
	static HttpServletRequest withoutDeflateOffers(HttpServletRequest request) {
		return new HttpServletRequestWrapper(request) {

			@Override
			public Enumeration<String> getHeaders(String name) {
				Enumeration<String> values = super.getHeaders(name);
				if (values == null || !WebSocketHttpHeaders.SEC_WEBSOCKET_EXTENSIONS.equalsIgnoreCase(name)) {
					return values;
				}
				return Collections.enumeration(Collections.list(values)
					.stream()
					.map(DeflateHandshakeHandler::withoutDeflate)
					.filter((value) -> !value.isEmpty())
					.toList());
			}

			@Override
			public String getHeader(String name) {
				Enumeration<String> values = getHeaders(name);
				return (values != null && values.hasMoreElements()) ? values.nextElement() : null;
			}

		};
	}

	/**
	 * One {@code Sec-WebSocket-Extensions} value without its permessage-deflate offers:
	 * {@code "permessage-deflate; client_max_window_bits, x-other"} is {@code "x-other"}.
	 */
	private static String withoutDeflate(String offers) {
		return Arrays.stream(offers.split(","))
			.map(String::strip)
			.filter((offer) -> !offer.isEmpty() && !isDeflate(offer.split(";", 2)[0].strip()))
			.collect(Collectors.joining(", "));
	}

	private static boolean isDeflate(String extension) {
		return PERMESSAGE_DEFLATE.equalsIgnoreCase(extension);
	}

	/**
	 * Upgrades a request, without its permessage-deflate offers when off, and gives the
	 * container the connection's handler behind {@link WholeMessages}, so that the
	 * container keeps small buffers for it.
	 */
	private static final class Upgrade extends StandardWebSocketUpgradeStrategy {

		private final boolean deflate;

		private final int frameSize;

		Upgrade(boolean deflate, int frameSize) {
			this.deflate = deflate;
			this.frameSize = frameSize;
		}

		@Override
		public void upgrade(ServerHttpRequest request, ServerHttpResponse response, String selectedProtocol,
				List<WebSocketExtension> selectedExtensions, Principal user, WebSocketHandler handler,
				Map<String, Object> attributes) {
			ServerHttpRequest seen = this.deflate ? request
					: new ServletServerHttpRequest(withoutDeflateOffers(getHttpServletRequest(request)));
			super.upgrade(
					seen, response, selectedProtocol, selectedExtensions, user, new WholeMessages(handler,
							WholeMessages.textLimit(this.frameSize), WholeMessages.binaryLimit(this.frameSize)),
					attributes);
		}

	}

}
