package io.stompchat.room;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stompchat.member.RoomKind;
import io.stompchat.message.MessageHistory;
import io.stompchat.message.MessageView;
import io.stompchat.presence.OnlineCounts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds room summaries. A user's conversations: five queries whatever the number of
 * rooms, each starting from the user's memberships (one parameter, so each is planned
 * once). One room for every member: one query, two when its last message is not known
 * yet. Callers check who may read the room; this class only counts.
 */
@Component
@Transactional(readOnly = true)
class RoomSummaries {

	private final Rooms rooms;

	private final ReadMarkers markers;

	private final MessageHistory history;

	private final OnlineCounts online;

	RoomSummaries(Rooms rooms, ReadMarkers markers, MessageHistory history, OnlineCounts online) {
		this.rooms = rooms;
		this.markers = markers;
		this.history = history;
		this.online = online;
	}

	/**
	 * The user's conversations, most recently active first.
	 * @param username the user
	 * @return the rooms they are a member of
	 */
	List<RoomSummary> forUser(String username) {
		List<Room> mine = this.rooms.findOfMember(username);
		if (mine.isEmpty()) {
			return List.of();
		}
		Map<String, MessageView> last = this.history.lastMessagesOf(username);
		Map<String, ReadMarkers.UnreadCount> unread = new HashMap<>();
		for (ReadMarkers.UnreadCount row : this.markers.countUnread(username)) {
			unread.put(row.getRoomId(), row);
		}
		Map<String, Integer> online = this.online.inRoomsOf(username);
		return mine.stream().map((room) -> {
			ReadMarkers.UnreadCount counts = unread.get(room.getId());
			return new RoomSummary(room.getId(), room.nameFor(username), room.getKind(), last.get(room.getId()),
					(counts != null) ? counts.getUnread() : 0L, (counts != null) ? counts.getMentions() : 0L,
					online.getOrDefault(room.getId(), 0), room.getMemberCount(),
					Room.with(room.getKind(), room.getName(), username));
		}).toList();
	}

	/**
	 * One room as one user sees it.
	 * @param username the user
	 * @param roomId the room
	 * @return the summary, or empty when there is no such room
	 */
	Optional<RoomSummary> forUser(String username, String roomId) {
		return forUsers(roomId, List.of(username), null).map((room) -> room.summaryFor(username));
	}

	/**
	 * One room as some users see it.
	 * @param roomId the room
	 * @param usernames the users, at least one
	 * @param lastMessage its last message when the caller knows it, or null
	 * @return the room, or empty when there is no such room
	 */
	Optional<RoomWithUnreadCounts> forUsers(String roomId, Collection<String> usernames, MessageView lastMessage) {
		// the last line before the counts: each statement sees what is committed when it
		// runs, so a line posted in between is counted but not yet shown, never shown but
		// not yet counted (the update for that line follows with both)
		MessageView last = (lastMessage != null) ? lastMessage : this.history.lastMessages(List.of(roomId)).get(roomId);
		List<Rooms.UnreadRow> rows = this.rooms.findWithUnreadCounts(roomId, usernames);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Long> unread = new HashMap<>();
		Map<String, Long> mentions = new HashMap<>();
		for (Rooms.UnreadRow row : rows) {
			if (row.getUsername() != null) {
				unread.put(row.getUsername(), row.getUnread());
				mentions.put(row.getUsername(), row.getMentions());
			}
		}
		Rooms.UnreadRow first = rows.get(0);
		return Optional.of(new RoomWithUnreadCounts(roomId, first.getName(), RoomKind.valueOf(first.getKind()), last,
				first.getOnline(), first.getMembers(), unread, mentions));
	}

	/**
	 * A room with what differs per user: the unread counts (and, for a DIRECT room, the
	 * name).
	 *
	 * @param id the room id
	 * @param name the stored name
	 * @param kind the kind
	 * @param lastMessage the last message, or null
	 * @param online users online in the room
	 * @param members how many members it has
	 * @param unread unread count by user; users without a read marker are absent
	 * @param mentions unread mentions by user; users without a read marker are absent
	 */
	record RoomWithUnreadCounts(String id, String name, RoomKind kind, MessageView lastMessage, int online,
			long members, Map<String, Long> unread, Map<String, Long> mentions) {

		RoomSummary summaryFor(String username) {
			String with = Room.with(this.kind, this.name, username);
			return new RoomSummary(this.id, (with != null) ? with : this.name, this.kind, this.lastMessage,
					this.unread.getOrDefault(username, 0L), this.mentions.getOrDefault(username, 0L), this.online,
					this.members, with);
		}

	}

}
