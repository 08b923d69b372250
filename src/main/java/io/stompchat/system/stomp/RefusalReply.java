package io.stompchat.system.stomp;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What {@code /user/queue/errors} receives for a refused SEND or SUBSCRIBE; the
 * connection stays open.
 *
 * @param status the refusal in its HTTP sense: 400 invalid, 403 not allowed, 404 unknown
 * room, 429 too many
 * @param error a stable, machine-readable code
 * @param detail a sentence for people
 * @param destination the destination of the refused frame
 * @param receipt the {@code receipt} header of the refused frame, absent when it had
 * none: that frame gets no RECEIPT
 */
record RefusalReply(int status, String error, String detail, String destination,
		@JsonInclude(JsonInclude.Include.NON_NULL) String receipt) {

	RefusalReply(int status, String error, String detail, String destination) {
		this(status, error, detail, destination, null);
	}

}
