package io.stompchat.message;

import java.security.Principal;

import io.stompchat.member.RoomAccess;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HistoryController {

	private final MessageHistory history;

	private final RoomAccess access;

	HistoryController(MessageHistory history, RoomAccess access) {
		this.history = history;
		this.access = access;
	}

	/**
	 * A page of a room's history: the latest, {@code before} a seq, or {@code after} a
	 * seq. A room the caller may not read is not found.
	 * @param roomId the room
	 * @param before only messages before this seq
	 * @param after only messages after this seq
	 * @param limit page size, 1 to 200
	 * @param user the caller
	 * @return the page, in ascending seq
	 */
	@GetMapping("/api/rooms/{roomId}/messages")
	@ApiResponse(responseCode = "200", description = "the page, in ascending seq", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "400",
			description = "invalid_paging: both before and after, a negative seq, a limit outside 1-200, "
					+ "or a value that is not a whole number")
	@ApiResponse(responseCode = "404",
			description = "unknown_room: no room with this id, or one the caller may not read")
	HistoryPage messages(@PathVariable String roomId, @RequestParam(required = false) Long before,
			@RequestParam(required = false) Long after,
			@RequestParam(defaultValue = "" + MessageHistory.DEFAULT_LIMIT) int limit, Principal user) {
		this.access.of(roomId, user.getName()).requireReader(roomId);
		return this.history.page(roomId, before, after, limit);
	}

}
