package io.stompchat.room;

import java.security.Principal;

import io.stompchat.member.RoomAccess;
import io.stompchat.system.Destinations;
import io.stompchat.system.Refusal;

import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code /app/room.{id}.read} moves the user's read marker forward, never backwards and
 * never past the room's last message; members only. When it moves, the user's lobbies
 * receive the room with the new unread count.
 */
@Controller
class ReadMarkerController {

	private final ReadMarkers markers;

	private final ReadMarkerStart start;

	private final RoomAccess access;

	private final TransactionTemplate transaction;

	private final LobbySender lobby;

	ReadMarkerController(ReadMarkers markers, ReadMarkerStart start, RoomAccess access, TransactionTemplate transaction,
			LobbySender lobby) {
		this.markers = markers;
		this.start = start;
		this.access = access;
		this.transaction = transaction;
		this.lobby = lobby;
	}

	@MessageMapping(Destinations.ROOM_COMMAND + "read")
	void read(@DestinationVariable String roomId, @Payload ReadRequest request, Principal user) {
		if (request == null || request.seq() == null || request.seq() < 0) {
			throw Refusal.invalid("invalid_read", "The body must be {\"seq\": n} with n >= 0.");
		}
		this.access.of(roomId, user.getName()).requireMember(roomId);
		this.start.start(roomId, user.getName(), 0);
		Integer moved = this.transaction
			.execute((status) -> this.markers.moveForward(roomId, user.getName(), request.seq()));
		if (moved != null && moved > 0) {
			// their unread count changed: every lobby of theirs shows it
			this.lobby.pushTo(user.getName(), roomId);
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
