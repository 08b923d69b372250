package io.stompchat.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.stompchat.system.Refusal;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a room's history by keyset paging on (room, seq): one indexed read, then the
 * current state of its CHAT lines in at most two batched reads (see
 * {@link MessageViews}).
 */
@Component
@Transactional(readOnly = true)
public class MessageHistory {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 200;

	private final Messages messages;

	private final MessageViews views;

	private final MessageReactions reactions;

	MessageHistory(Messages messages, MessageViews views, MessageReactions reactions) {
		this.messages = messages;
		this.views = views;
		this.reactions = reactions;
	}

	/**
	 * One page of history.
	 * @param roomId the room
	 * @param before only messages before this seq, or null
	 * @param after only messages after this seq, or null
	 * @param limit page size, 1 to 200
	 * @return the page in ascending seq
	 */
	HistoryPage page(String roomId, Long before, Long after, int limit) {
		if (before != null && after != null) {
			throw Refusal.invalid("invalid_paging", "Give either 'before' or 'after', not both.");
		}
		if ((before != null && before < 0) || (after != null && after < 0)) {
			throw Refusal.invalid("invalid_paging", "'before' and 'after' must not be negative.");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw Refusal.invalid("invalid_paging", "'limit' must be between 1 and " + MAX_LIMIT + ".");
		}
		if (!this.messages.existsRoom(roomId)) {
			throw Refusal.unknownRoom(roomId);
		}
		Limit oneMore = Limit.of(limit + 1);
		List<ChatMessage> found;
		boolean descending = after == null;
		if (after != null) {
			found = this.messages.findByRoomIdAndSeqGreaterThanOrderBySeqAsc(roomId, after, oneMore);
		}
		else if (before != null) {
			found = this.messages.findByRoomIdAndSeqLessThanOrderBySeqDesc(roomId, before, oneMore);
		}
		else {
			found = this.messages.findByRoomIdOrderBySeqDesc(roomId, oneMore);
		}
		boolean hasMore = found.size() > limit;
		List<MessageView> page = new ArrayList<>(this.views.of(found.subList(0, Math.min(limit, found.size()))));
		if (descending) {
			Collections.reverse(page);
		}
		return new HistoryPage(page, hasMore);
	}

	HistoryPage latest(String roomId) {
		return page(roomId, null, null, DEFAULT_LIMIT);
	}

	/**
	 * The last line (CHAT, JOIN or LEAVE; changes are not previews) of each room, in its
	 * current state.
	 * @param roomIds the rooms
	 * @return last message by room id; rooms without messages are absent
	 */
	public Map<String, MessageView> lastMessages(Collection<String> roomIds) {
		if (roomIds.isEmpty()) {
			return Map.of();
		}
		return this.views.of(this.messages.findLatest(roomIds))
			.stream()
			.collect(Collectors.toMap(MessageView::roomId, Function.identity()));
	}

	/**
	 * The last line of each room a user is a member of, in its current state: two queries
	 * from their memberships, whatever the number of rooms.
	 * @param username the user
	 * @return last message by room id; rooms without messages are absent
	 */
	public Map<String, MessageView> lastMessagesOf(String username) {
		List<ChatMessage> latest = this.messages.findLatestOfMember(username);
		if (latest.isEmpty()) {
			return Map.of();
		}
		return this.views.of(latest, this.reactions.findOnLatestOfMember(username))
			.stream()
			.collect(Collectors.toMap(MessageView::roomId, Function.identity()));
	}

}
