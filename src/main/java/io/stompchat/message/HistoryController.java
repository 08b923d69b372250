package io.stompchat.message;

import io.stompchat.system.Refusal;
import io.stompchat.system.RoomIds;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HistoryController {

	private final MessageHistory history;

	HistoryController(MessageHistory history) {
		this.history = history;
	}

	/**
	 * A page of a room's history: the latest, {@code before} a seq, or {@code after} a
	 * seq.
	 * @param roomId the room
	 * @param before only messages before this seq
	 * @param after only messages after this seq
	 * @param limit page size, 1 to 200
	 * @return the page, in ascending seq
	 */
	@GetMapping("/api/rooms/{roomId}/messages")
	HistoryPage messages(@PathVariable String roomId, @RequestParam(required = false) Long before,
			@RequestParam(required = false) Long after,
			@RequestParam(defaultValue = "" + MessageHistory.DEFAULT_LIMIT) int limit) {
		if (!RoomIds.isValid(roomId)) {
			throw Refusal.unknownRoom(roomId);
		}
		return this.history.page(roomId, before, after, limit);
	}

}
