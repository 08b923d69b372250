package io.stompchat.message;

/**
 * The kinds of stored message; all are part of a room's history.
 */
public enum MessageType {

	CHAT, JOIN, LEAVE

}
