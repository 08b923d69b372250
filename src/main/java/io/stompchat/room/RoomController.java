package io.stompchat.room;

import java.net.URI;
import java.security.Principal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.stompchat.account.Users;
import io.stompchat.member.Access;
import io.stompchat.member.Role;
import io.stompchat.member.RoomAccess;
import io.stompchat.member.RoomKind;
import io.stompchat.message.RoomMemberships;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/rooms}: the caller's conversations, the directory of PUBLIC rooms, one
 * room, and creating a group with its first members. A room the caller may not read is
 * not found.
 */
@RestController
class RoomController {

	static final int MAX_NAME = 80;

	static final int MAX_MEMBERS_AT_CREATION = 100;

	private final Rooms rooms;

	private final RoomSummaries summaries;

	private final RoomAccess access;

	private final RoomMemberships memberships;

	private final Users users;

	RoomController(Rooms rooms, RoomSummaries summaries, RoomAccess access, RoomMemberships memberships, Users users) {
		this.rooms = rooms;
		this.summaries = summaries;
		this.access = access;
		this.memberships = memberships;
		this.users = users;
	}

	/**
	 * The caller's conversations, most recently active first.
	 * @param user the caller
	 * @return the summaries
	 */
	@GetMapping("/api/rooms")
	List<RoomSummary> list(Principal user) {
		return this.summaries.forUser(user.getName());
	}

	/**
	 * The directory: PUBLIC rooms whose name contains {@code q}, ignoring case.
	 * @param q the text, optional
	 * @param user the caller
	 * @return at most 100 rooms, most members first
	 */
	@GetMapping("/api/rooms/public")
	List<DirectoryEntry> directory(@RequestParam(required = false) String q, Principal user) {
		String text = (q != null) ? Texts.fold(q.strip()) : "";
		String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.rooms.findPublic(pattern, user.getName())
			.stream()
			.map((row) -> new DirectoryEntry(row.getId(), row.getName(), RoomKind.PUBLIC, row.getMembers(),
					row.getJoined() == 1))
			.toList();
	}

	@GetMapping("/api/rooms/{id}")
	@ApiResponse(responseCode = "200", description = "the room as the caller sees it", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "404", description = "unknown_room: no room with this id")
	RoomSummary get(@PathVariable String id, Principal user) {
		Access access = this.access.of(id, user.getName()).requireReader(id);
		RoomSummary summary = this.summaries.forUser(user.getName(), id).orElseThrow(() -> Refusal.unknownRoom(id));
		return access.isMember() ? summary : summary.withoutCounts();
	}

	/**
	 * Creates a PUBLIC or PRIVATE room with the caller as its owner and, optionally, its
	 * first members; a JOIN is stored for each. The id is derived from the name when
	 * absent.
	 * @param request name, optional id, kind and members
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
		RoomKind kind = checkedKind(request.kind());
		Set<String> members = existingUsers(request.members(), user.getName());
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
		if (kind == RoomKind.PUBLIC && this.rooms.existsByNameKey(Texts.fold(name))) {
			throw new Refusal(HttpStatus.CONFLICT, "room_exists", "A room with this name exists.");
		}
		try {
			this.rooms.saveAndFlush(new Room(id, name, kind, Instant.now().truncatedTo(ChronoUnit.MILLIS)));
		}
		catch (DataIntegrityViolationException ex) {
			throw new Refusal(HttpStatus.CONFLICT, "room_exists", "A room with this id or name exists.");
		}
		this.memberships.add(id, user.getName(), Role.OWNER, null);
		for (String member : members) {
			this.memberships.add(id, member, Role.MEMBER, user.getName());
		}
		String created = id;
		RoomSummary summary = this.summaries.forUser(user.getName(), id)
			.orElseThrow(() -> Refusal.unknownRoom(created));
		return ResponseEntity.created(URI.create("/api/rooms/" + id)).body(summary);
	}

	private static RoomKind checkedKind(String kind) {
		if (kind == null || kind.equals("PUBLIC")) {
			return RoomKind.PUBLIC;
		}
		if (kind.equals("PRIVATE")) {
			return RoomKind.PRIVATE;
		}
		throw Refusal.invalid("invalid_room", "'kind' must be PUBLIC or PRIVATE; a direct chat is POST /api/direct.");
	}

	/**
	 * The canonical names of the members to add, without the creator; 404 for an unknown
	 * one, before anything is created.
	 */
	private Set<String> existingUsers(List<String> names, String creator) {
		Set<String> members = new LinkedHashSet<>();
		if (names == null) {
			return members;
		}
		if (names.size() > MAX_MEMBERS_AT_CREATION) {
			throw Refusal.invalid("invalid_room", "At most " + MAX_MEMBERS_AT_CREATION + " members at creation.");
		}
		for (String name : names) {
			String member = this.users.canonical(name)
				.orElseThrow(
						() -> new Refusal(HttpStatus.NOT_FOUND, "unknown_user", "There is no user with this name."));
			if (!member.equals(creator)) {
				members.add(member);
			}
		}
		return members;
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
	 * @param kind PUBLIC (default) or PRIVATE
	 * @param members users to add at once, optional
	 */
	record CreateRoom(String name, String id, String kind, List<String> members) {
	}

	/**
	 * A PUBLIC room in the directory.
	 *
	 * @param id the room id
	 * @param name its name
	 * @param kind always PUBLIC
	 * @param members how many members it has
	 * @param joined whether the caller is one of them
	 */
	record DirectoryEntry(String id, String name, RoomKind kind, long members, boolean joined) {
	}

}
