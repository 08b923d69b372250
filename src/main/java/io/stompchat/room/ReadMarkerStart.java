package io.stompchat.room;

import io.stompchat.member.MemberAdded;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a user's read marker in a room when their membership starts, at the room's last
 * message: what came before is not unread. A marker kept from an earlier membership moves
 * forward to that point.
 */
@Component
class ReadMarkerStart {

	private final ReadMarkers markers;

	private final Rooms rooms;

	private final TransactionTemplate transaction;

	ReadMarkerStart(ReadMarkers markers, Rooms rooms, TransactionTemplate transaction) {
		this.markers = markers;
		this.rooms = rooms;
		this.transaction = transaction;
	}

	@EventListener
	void on(MemberAdded added) {
		long now = this.rooms.findById(added.roomId()).map(Room::getLastSeq).orElse(0L);
		start(added.roomId(), added.username(), now);
		this.transaction
			.executeWithoutResult((status) -> this.markers.moveForward(added.roomId(), added.username(), now));
	}

	/**
	 * Starts the user's marker unless it exists.
	 * @param roomId the room
	 * @param username the user
	 * @param seq where it starts
	 */
	void start(String roomId, String username, long seq) {
		if (this.markers.existsByRoomIdAndUsername(roomId, username)) {
			return;
		}
		try {
			this.transaction
				.executeWithoutResult((status) -> this.markers.saveAndFlush(new ReadMarker(roomId, username, seq)));
		}
		catch (DataIntegrityViolationException ex) {
			// another session of this user started it first
		}
	}

}
