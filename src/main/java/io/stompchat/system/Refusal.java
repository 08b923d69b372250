package io.stompchat.system;

import org.springframework.http.HttpStatus;

/**
 * A request the server refuses, with the reason the client is told: a problem detail over
 * HTTP, a message on {@code /user/queue/errors} over STOMP.
 */
public class Refusal extends RuntimeException {

	private final HttpStatus status;

	private final String error;

	public Refusal(HttpStatus status, String error, String detail) {
		super(detail, null, false, false);
		this.status = status;
		this.error = error;
	}

	public static Refusal invalid(String error, String detail) {
		return new Refusal(HttpStatus.BAD_REQUEST, error, detail);
	}

	public static Refusal unknownRoom(String roomId) {
		return new Refusal(HttpStatus.NOT_FOUND, "unknown_room", "There is no room with this id.");
	}

	public HttpStatus getStatus() {
		return this.status;
	}

	public String getError() {
		return this.error;
	}

}
