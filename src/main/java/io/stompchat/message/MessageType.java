package io.stompchat.message;

/**
 * The kinds of stored event; all are part of a room's history. {@code EDIT},
 * {@code DELETE} and {@code REACTION} are changes: each names the CHAT it changes by its
 * seq ({@code target}).
 */
public enum MessageType {

	CHAT, JOIN, LEAVE, EDIT, DELETE, REACTION;

	/**
	 * Whether this is a change of a CHAT rather than a line of its own.
	 * @return true for EDIT, DELETE and REACTION
	 */
	public boolean isChange() {
		return this == EDIT || this == DELETE || this == REACTION;
	}

}
