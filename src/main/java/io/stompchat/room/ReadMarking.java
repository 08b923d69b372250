package io.stompchat.room;

import java.security.Principal;

import io.stompchat.message.MessagePosted;
import io.stompchat.message.MessageType;
import io.stompchat.system.Refusal;
import io.stompchat.system.RoomIds;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Read markers: one starts at a user's first JOIN of a room; {@code /app/room.{id}.read}
 * moves it forward, never backwards and never past the room's last message. When it
 * moves, the user's lobbies receive the room with the new unread count.
 */
@Controller
class ReadMarking {

	private final ReadMarkers markers;

	private final Rooms rooms;

	private final TransactionTemplate transaction;

	private final LobbyUpdates lobby;

	ReadMarking(ReadMarkers markers, Rooms rooms, TransactionTemplate transaction, LobbyUpdates lobby) {
		this.markers = markers;
		this.rooms = rooms;
		this.transaction = transaction;
		this.lobby = lobby;
	}

	@EventListener
	void on(MessagePosted posted) {
		if (posted.message().type() == MessageType.JOIN) {
			start(posted.message().roomId(), posted.message().sender(), posted.message().seq());
		}
	}

	@MessageMapping("room.{roomId}.read")
	void read(@DestinationVariable String roomId, @Payload ReadRequest request, Principal user) {
		if (request == null || request.seq() == null || request.seq() < 0) {
			throw Refusal.invalid("invalid_read", "The body must be {\"seq\": n} with n >= 0.");
		}
		if (!RoomIds.isValid(roomId) || !this.rooms.existsById(roomId)) {
			throw Refusal.unknownRoom(roomId);
		}
		start(roomId, user.getName(), 0);
		Integer moved = this.transaction
			.execute((status) -> this.markers.moveForward(roomId, user.getName(), request.seq()));
		if (moved != null && moved > 0) {
			// their unread count changed: every lobby of theirs shows it
			this.lobby.pushTo(user.getName(), roomId);
		}
	}

	private void start(String roomId, String username, long seq) {
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

	/**
	 * The body of a read SEND.
	 *
	 * @param seq the highest seq the user has seen
	 */
	record ReadRequest(Long seq) {
	}

}
