package io.stompchat.system;

import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.stereotype.Controller;

/**
 * A SEND to an {@code /app} destination that no handler serves is answered on
 * {@code /user/queue/errors} with 404, not silently dropped. Every more specific mapping
 * wins over this one. The room commands of the contract are left to their own handlers,
 * so that one still being built is not reported as unknown.
 */
@Controller
class UnknownDestinations {

	static final Pattern CONTRACT = Pattern.compile("/app/room\\.[^.]+\\.(join|chat|leave|typing|read)");

	@MessageMapping("**")
	void unknown(@Header(SimpMessageHeaderAccessor.DESTINATION_HEADER) String destination) {
		if (CONTRACT.matcher(destination).matches()) {
			return;
		}
		throw new Refusal(HttpStatus.NOT_FOUND, "unknown_destination",
				"No such destination; see the API documentation for /app/room.{id}.(join|chat|leave|typing|read).");
	}

}
