package io.stompchat.room;

/**
 * What a user's lobby receives when they stop being a member of a room.
 *
 * @param id the room
 * @param removed always true
 */
record RoomRemoved(String id, boolean removed) {

	RoomRemoved(String id) {
		this(id, true);
	}

}
