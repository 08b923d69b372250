package io.stompchat.system;

/**
 * Who may read a room, asked by the STOMP edge before a SUBSCRIBE to a room's topic
 * reaches the broker. The edge is the lowest layer; the member module answers.
 */
public interface RoomReaders {

	/**
	 * Whether the user may read the room: a member of it, or anyone for a PUBLIC room.
	 * @param roomId a valid room id
	 * @param username the signed-in user
	 * @return false for an unknown room too
	 */
	boolean mayRead(String roomId, String username);

}
