package io.stompchat.system.stomp;

import org.springframework.messaging.MessagingException;

/**
 * A STOMP frame the server refuses outright: the client gets an ERROR frame with this
 * message and the connection is closed.
 */
class FrameRefusal extends MessagingException {

	FrameRefusal(String reason) {
		super(reason);
	}

}
