package io.stompchat.room;

import io.stompchat.message.MemberJoined;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts a user's read marker in a room at their first JOIN line; later joins leave it
 * where it is.
 */
@Component
class ReadMarkerStart {

	private final ReadMarkers markers;

	private final TransactionTemplate transaction;

	ReadMarkerStart(ReadMarkers markers, TransactionTemplate transaction) {
		this.markers = markers;
		this.transaction = transaction;
	}

	@EventListener
	void on(MemberJoined joined) {
		start(joined.roomId(), joined.username(), joined.seq());
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
