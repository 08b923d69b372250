package io.stompchat.room;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stompchat.message.MessageHistory;
import io.stompchat.message.MessageView;
import io.stompchat.presence.OnlineCounts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds room summaries. Every room for one user: four queries whatever the number of
 * rooms. One room for every user: one query, two when its last message is not known yet.
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

	List<RoomSummary> forUser(String username) {
		List<Room> all = this.rooms.findAllByOrderByLastActivityAtDescIdAsc();
		Map<String, MessageView> last = this.history.lastMessages(all.stream().map(Room::getId).toList());
		Map<String, Long> unread = unread(username);
		Map<String, Integer> online = this.online.byRoom();
		return all.stream()
			.map((room) -> new RoomSummary(room.getId(), room.getName(), last.get(room.getId()),
					unread.getOrDefault(room.getId(), 0L), online.getOrDefault(room.getId(), 0)))
			.toList();
	}

	Optional<RoomSummary> forUser(String username, String roomId) {
		return forEveryone(roomId, null).map((room) -> room.summaryFor(username));
	}

	/**
	 * One room as every user sees it.
	 * @param roomId the room
	 * @param lastMessage its last message when the caller knows it, or null
	 * @return the room, or empty when there is no such room
	 */
	Optional<RoomWithUnreadCounts> forEveryone(String roomId, MessageView lastMessage) {
		List<Rooms.UnreadRow> rows = this.rooms.findWithUnreadCounts(roomId);
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		Map<String, Long> unread = new HashMap<>();
		for (Rooms.UnreadRow row : rows) {
			if (row.getUsername() != null) {
				unread.put(row.getUsername(), row.getUnread());
			}
		}
		MessageView last = (lastMessage != null) ? lastMessage : this.history.lastMessages(List.of(roomId)).get(roomId);
		Rooms.UnreadRow first = rows.get(0);
		return Optional.of(new RoomWithUnreadCounts(roomId, first.getName(), last, first.getOnline(), unread));
	}

	private Map<String, Long> unread(String username) {
		Map<String, Long> counts = new HashMap<>();
		for (ReadMarkers.UnreadCount row : this.markers.countUnread(username)) {
			counts.put(row.getRoomId(), row.getUnread());
		}
		return counts;
	}

	/**
	 * A room with what differs per user: the unread counts.
	 *
	 * @param id the room id
	 * @param name the room name
	 * @param lastMessage the last message, or null
	 * @param online users online in the room
	 * @param unread unread count by user; users who never joined are absent
	 */
	record RoomWithUnreadCounts(String id, String name, MessageView lastMessage, int online, Map<String, Long> unread) {

		RoomSummary summaryFor(String username) {
			return new RoomSummary(this.id, this.name, this.lastMessage, this.unread.getOrDefault(username, 0L),
					this.online);
		}

	}

}
