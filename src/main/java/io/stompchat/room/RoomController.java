package io.stompchat.room;

import java.net.URI;
import java.security.Principal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import io.stompchat.system.Refusal;
import io.stompchat.system.RoomIds;
import io.stompchat.system.Texts;

import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RoomController {

	static final int MAX_NAME = 80;

	private final Rooms rooms;

	private final RoomSummaries summaries;

	RoomController(Rooms rooms, RoomSummaries summaries) {
		this.rooms = rooms;
		this.summaries = summaries;
	}

	/**
	 * The rooms as the caller sees them, most recently active first.
	 * @param user the caller
	 * @return the summaries
	 */
	@GetMapping("/api/rooms")
	List<RoomSummary> list(Principal user) {
		return this.summaries.forUser(user.getName());
	}

	@GetMapping("/api/rooms/{id}")
	@ApiResponse(responseCode = "200", description = "the room as the caller sees it", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "unknown_room: no room with this id")
	RoomSummary get(@PathVariable String id, Principal user) {
		if (!RoomIds.isValid(id)) {
			throw Refusal.unknownRoom(id);
		}
		return this.summaries.forUser(user.getName(), id).orElseThrow(() -> Refusal.unknownRoom(id));
	}

	/**
	 * Creates a room. The id is derived from the name when absent.
	 * @param request name and optional id
	 * @param user the caller
	 * @return 201 with the room
	 */
	@PostMapping("/api/rooms")
	@ApiResponse(responseCode = "201", description = "created; Location names the room", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "400",
			description = "invalid_room: no name, a blank or control-character name, a name over 80 characters "
					+ "or an invalid id; or a body that is not JSON")
	@ApiResponse(responseCode = "409", description = "room_exists: a room with this id or name exists")
	ResponseEntity<RoomSummary> create(@RequestBody CreateRoom request, Principal user) {
		String name = checkedName(request.name());
		String id = request.id();
		if (id != null) {
			if (!RoomIds.isValid(id)) {
				throw Refusal.invalid("invalid_room",
						"'id' must be 1 to 64 of a-z, 0-9 and '-', starting with a letter or digit.");
			}
			if (this.rooms.existsById(id)) {
				throw new Refusal(HttpStatus.CONFLICT, "room_exists", "A room with this id exists.");
			}
		}
		else {
			id = freeIdFor(name);
		}
		if (this.rooms.existsByNameKey(Texts.fold(name))) {
			throw new Refusal(HttpStatus.CONFLICT, "room_exists", "A room with this name exists.");
		}
		try {
			this.rooms.saveAndFlush(new Room(id, name, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
		}
		catch (DataIntegrityViolationException ex) {
			throw new Refusal(HttpStatus.CONFLICT, "room_exists", "A room with this id or name exists.");
		}
		RoomSummary created = new RoomSummary(id, name, null, 0, 0);
		return ResponseEntity.created(URI.create("/api/rooms/" + id)).body(created);
	}

	private static String checkedName(String raw) {
		if (raw == null) {
			throw Refusal.invalid("invalid_room", "'name' is required.");
		}
		String name = raw.strip();
		if (!Texts.isWellFormed(name) || Texts.hasControl(name)) {
			throw Refusal.invalid("invalid_room", "'name' must not contain control characters.");
		}
		if (!Texts.hasVisible(name) || Texts.codePoints(name) > MAX_NAME) {
			throw Refusal.invalid("invalid_room", "'name' must be 1 to " + MAX_NAME + " characters, not blank.");
		}
		return name;
	}

	private String freeIdFor(String name) {
		String base = slug(name);
		if (base.isEmpty()) {
			base = "room";
		}
		if (!this.rooms.existsById(base)) {
			return base;
		}
		for (int i = 0; i < 5; i++) {
			String suffix = "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
			String candidate = base.substring(0, Math.min(base.length(), 64 - suffix.length())) + suffix;
			if (!this.rooms.existsById(candidate)) {
				return candidate;
			}
		}
		throw new Refusal(HttpStatus.CONFLICT, "room_exists", "Could not find a free id; give one.");
	}

	/**
	 * "Book club" → "book-club"; accents dropped; other scripts leave nothing.
	 * @param name a room name
	 * @return a valid id, or empty
	 */
	static String slug(String name) {
		String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9]+", "-")
			.replaceAll("^-+", "");
		if (ascii.length() > 64) {
			ascii = ascii.substring(0, 64);
		}
		return ascii.replaceAll("-+$", "");
	}

	/**
	 * The body of {@code POST /api/rooms}.
	 *
	 * @param name the room name
	 * @param id the wished id, optional
	 */
	record CreateRoom(String name, String id) {
	}

}
