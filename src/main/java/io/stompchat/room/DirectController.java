package io.stompchat.room;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.security.SecureRandom;
import java.util.HexFormat;

import io.stompchat.account.Users;
import io.stompchat.member.DirectPair;
import io.stompchat.member.Members;
import io.stompchat.member.Role;
import io.stompchat.system.Refusal;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/direct}: the direct chat of the caller and another user, created the
 * first time (201) and the same room after (200), whichever of the two asks. The room's
 * unique {@code direct_key} makes it one per pair even when two instances create it at
 * once: the loser of the race reads the winner's room. Its id is random, so it cannot be
 * guessed from the names; no JOIN lines are stored.
 */
@RestController
class DirectController {

	/**
	 * Direct room ids: unpredictable, unlike {@code ThreadLocalRandom}, whose output
	 * gives away the next ones of its thread.
	 */
	private static final SecureRandom ids = new SecureRandom();

	private final Rooms rooms;

	private final Members members;

	private final Users users;

	private final RoomSummaries summaries;

	DirectController(Rooms rooms, Members members, Users users, RoomSummaries summaries) {
		this.rooms = rooms;
		this.members = members;
		this.users = users;
		this.summaries = summaries;
	}

	@PostMapping("/api/direct")
	ResponseEntity<RoomSummary> direct(@RequestBody DirectRequest request, Principal user) {
		if (request == null || request.username() == null) {
			throw Refusal.invalid("invalid_direct", "The body must be {\"username\": \"…\"}.");
		}
		String other = this.users.canonical(request.username())
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "unknown_user", "There is no user with this name."));
		if (other.equals(user.getName())) {
			throw Refusal.invalid("invalid_direct", "A direct chat is with someone else.");
		}
		DirectPair pair = new DirectPair(user.getName(), other);
		Room existing = this.rooms.findByDirectKey(pair.key()).orElse(null);
		if (existing != null) {
			return ResponseEntity.ok(summary(user.getName(), existing.getId()));
		}
		String id = "dm-" + HexFormat.of().toHexDigits(ids.nextLong());
		try {
			this.rooms.saveAndFlush(Room.direct(id, pair, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
		}
		catch (DataIntegrityViolationException ex) {
			// the other user, or another instance, created it first
			Room created = this.rooms.findByDirectKey(pair.key()).orElseThrow(() -> ex);
			return ResponseEntity.ok(summary(user.getName(), created.getId()));
		}
		this.members.add(id, user.getName(), Role.MEMBER, null);
		this.members.add(id, other, Role.MEMBER, null);
		return ResponseEntity.created(URI.create("/api/rooms/" + id)).body(summary(user.getName(), id));
	}

	private RoomSummary summary(String username, String roomId) {
		return this.summaries.forUser(username, roomId).orElseThrow(() -> Refusal.unknownRoom(roomId));
	}

	/**
	 * The body of {@code POST /api/direct}.
	 *
	 * @param username the other user
	 */
	record DirectRequest(String username) {
	}

}
