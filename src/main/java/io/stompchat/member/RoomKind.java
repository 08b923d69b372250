package io.stompchat.member;

/**
 * The kinds of conversation.
 */
public enum RoomKind {

	/** Listed in the directory; anyone reads and joins it. */
	PUBLIC,

	/** A group only its members see; members add others. */
	PRIVATE,

	/** Exactly two members, one room per pair of users. */
	DIRECT

}
