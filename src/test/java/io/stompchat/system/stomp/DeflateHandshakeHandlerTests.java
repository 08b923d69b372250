package io.stompchat.system.stomp;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.socket.WebSocketExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link DeflateHandshakeHandler} lets through: Spring's choice of extensions, and
 * the offers the container sees.
 */
class DeflateHandshakeHandlerTests {

	private static final WebSocketExtension DEFLATE = new WebSocketExtension("permessage-deflate");

	private static final WebSocketExtension OTHER = new WebSocketExtension("x-other");

	@Test
	void offSpringSelectsEverySupportedExtensionButDeflate() {
		assertThat(select(false, List.of(DEFLATE, OTHER))).containsExactly(OTHER);
	}

	@Test
	void onSpringSelectsDeflateToo() {
		assertThat(select(true, List.of(DEFLATE, OTHER))).containsExactly(DEFLATE, OTHER);
	}

	@Test
	void theContainerSeesNoOfferOfDeflate() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws/websocket");
		request.addHeader("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
		request.addHeader("Sec-WebSocket-Extensions", "x-other; a=1, Permessage-Deflate, x-more");
		request.addHeader("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
		HttpServletRequest seen = DeflateHandshakeHandler.withoutDeflateOffers(request);
		assertThat(Collections.list(seen.getHeaders("sec-websocket-extensions")))
			.containsExactly("x-other; a=1, x-more");
		assertThat(seen.getHeader("Sec-WebSocket-Extensions")).isEqualTo("x-other; a=1, x-more");
		assertThat(seen.getHeader("Sec-WebSocket-Key")).isEqualTo("dGhlIHNhbXBsZSBub25jZQ==");
	}

	@Test
	void aRequestOfferingOnlyDeflateOffersNothingToTheContainer() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ws/websocket");
		request.addHeader("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");
		HttpServletRequest seen = DeflateHandshakeHandler.withoutDeflateOffers(request);
		assertThat(seen.getHeaders("Sec-WebSocket-Extensions").hasMoreElements()).isFalse();
		assertThat(seen.getHeader("Sec-WebSocket-Extensions")).isNull();
	}

	private static List<WebSocketExtension> select(boolean deflate, List<WebSocketExtension> requested) {
		return new DeflateHandshakeHandler(deflate, 65536).filterRequestedExtensions(
				new ServletServerHttpRequest(new MockHttpServletRequest()), requested, List.of(DEFLATE, OTHER));
	}

}
