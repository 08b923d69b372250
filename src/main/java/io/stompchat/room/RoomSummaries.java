package io.stompchat.room;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.stompchat.message.MessageHistory;
import io.stompchat.message.MessageView;
import io.stompchat.presence.Presence;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds room summaries: the rooms, their last messages and a user's unread counts, in
 * three queries whatever the number of rooms.
 */
@Component
@Transactional(readOnly = true)
class RoomSummaries {

	private final Rooms rooms;

	private final ReadMarkers markers;

	private final MessageHistory history;

	private final Presence presence;

	RoomSummaries(Rooms rooms, ReadMarkers markers, MessageHistory history, Presence presence) {
		this.rooms = rooms;
		this.markers = markers;
		this.history = history;
		this.presence = presence;
	}

	List<RoomSummary> forUser(String username) {
		List<Room> all = this.rooms.findAllByOrderByLastActivityAtDescIdAsc();
		Map<String, MessageView> last = this.history.lastMessages(all.stream().map(Room::getId).toList());
		Map<String, Long> unread = unread(username);
		return all.stream()
			.map((room) -> summary(room, last.get(room.getId()), unread.getOrDefault(room.getId(), 0L)))
			.toList();
	}

	Optional<RoomSummary> forUser(String username, String roomId) {
		return this.rooms.findById(roomId).map((room) -> {
			MessageView last = this.history.lastMessages(List.of(roomId)).get(roomId);
			return summary(room, last, unread(username).getOrDefault(roomId, 0L));
		});
	}

	private RoomSummary summary(Room room, MessageView last, long unread) {
		return new RoomSummary(room.getId(), room.getName(), last, unread, this.presence.online(room.getId()).size());
	}

	private Map<String, Long> unread(String username) {
		Map<String, Long> counts = new HashMap<>();
		for (Object[] row : this.markers.countUnread(username)) {
			counts.put((String) row[0], ((Number) row[1]).longValue());
		}
		return counts;
	}

}
