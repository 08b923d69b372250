package io.stompchat.system.stomp;

import io.stompchat.system.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.stereotype.Controller;

/**
 * A SEND to an {@code /app} destination that no handler serves is answered on
 * {@code /user/queue/errors} with 404, not silently dropped. Every more specific mapping
 * wins over this one.
 */
@Controller
class UnknownDestinations {

	@MessageMapping("**")
	void unknown() {
		throw new Refusal(HttpStatus.NOT_FOUND, "unknown_destination",
				"No such destination; see the API documentation for /app/room.{id}.(join|chat|leave|typing|read).");
	}

}
