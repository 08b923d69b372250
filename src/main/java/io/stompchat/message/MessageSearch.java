package io.stompchat.message;

import java.util.List;

import io.stompchat.member.RoomAccess;
import io.stompchat.system.Refusal;
import io.stompchat.system.Texts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds CHAT lines by a piece of their current text, ignoring case, in any script (a
 * substring, so Korean is found inside words): in the rooms the caller is a member of, or
 * in one room they may read (any other is answered like an unknown room); newest first,
 * paged by message id.
 * <p>
 * The query is {@code text ilike '%q%'}. On PostgreSQL the {@code pg_trgm} GIN index of
 * {@code V6_1__search_index} serves it for {@code q} of three characters or more; without
 * the extension, and on H2, the database scans the rooms' lines newest first until it has
 * a page.
 */
@Component
@Transactional(readOnly = true)
class MessageSearch {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 50;

	static final int MIN_QUERY = 2;

	static final int MAX_QUERY = 100;

	private final Messages messages;

	private final MessageViews views;

	private final RoomAccess access;

	MessageSearch(Messages messages, MessageViews views, RoomAccess access) {
		this.messages = messages;
		this.views = views;
		this.access = access;
	}

	/**
	 * One page of results.
	 * @param username the caller
	 * @param q the text to find, 2 to 100 characters
	 * @param roomId only this room, or null for every room of the caller
	 * @param before only messages with a lower id, or null
	 * @param limit page size, 1 to 50
	 * @return the page, newest first
	 */
	HistoryPage search(String username, String q, String roomId, Long before, int limit) {
		if (q == null || !Texts.isWellFormed(q) || !Texts.hasVisible(q) || Texts.codePoints(q) < MIN_QUERY
				|| Texts.codePoints(q) > MAX_QUERY) {
			throw Refusal.invalid("invalid_query",
					"'q' must be " + MIN_QUERY + " to " + MAX_QUERY + " characters, not only blanks.");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw Refusal.invalid("invalid_paging", "'limit' must be between 1 and " + MAX_LIMIT + ".");
		}
		if (before != null && before < 1) {
			throw Refusal.invalid("invalid_paging", "'before' must be a message id, 1 or more.");
		}
		long below = (before != null) ? before : Long.MAX_VALUE;
		List<ChatMessage> found;
		if (roomId == null) {
			found = this.messages.searchRoomsOf(username, pattern(q), below, limit + 1);
		}
		else {
			this.access.of(roomId, username).requireReader(roomId);
			found = this.messages.search(roomId, pattern(q), below, limit + 1);
		}
		boolean hasMore = found.size() > limit;
		return new HistoryPage(this.views.of(found.subList(0, Math.min(limit, found.size()))), hasMore);
	}

	/**
	 * The {@code ilike} pattern that finds a text anywhere, its wildcards escaped.
	 * @param q what to find
	 * @return the pattern
	 */
	static String pattern(String q) {
		String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
