package io.stompchat.message;

import java.security.Principal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/search}: CHAT lines containing a text, newest first.
 */
@RestController
class SearchController {

	private final MessageSearch search;

	SearchController(MessageSearch search) {
		this.search = search;
	}

	/**
	 * Finds lines by their current text.
	 * @param q the text, 2 to 100 characters
	 * @param room only this room
	 * @param before only messages with a lower id
	 * @param limit page size, 1 to 50
	 * @param user the caller
	 * @return the page, newest first; {@code hasMore} when older results exist
	 */
	@GetMapping("/api/search")
	HistoryPage search(@RequestParam(required = false) String q, @RequestParam(required = false) String room,
			@RequestParam(required = false) Long before,
			@RequestParam(defaultValue = "" + MessageSearch.DEFAULT_LIMIT) int limit, Principal user) {
		return this.search.search(user.getName(), q, room, before, limit);
	}

}
