package io.stompchat.presence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * How many users are online in each room, for the room list.
 */
@Component
public class OnlineCounts {

	private final JoinedSessions joined;

	OnlineCounts(JoinedSessions joined) {
		this.joined = joined;
	}

	/**
	 * How many users are online in each room a user is a member of, in one query.
	 * @param username the user
	 * @return count by room id; their rooms where nobody is online are absent
	 */
	public Map<String, Integer> inRoomsOf(String username) {
		Map<String, Integer> counts = new HashMap<>();
		for (JoinedSessions.RoomOnline row : this.joined.countOnlineInRoomsOf(username)) {
			counts.put(row.getRoomId(), (int) row.getOnline());
		}
		return counts;
	}

	/**
	 * Who is online in one room.
	 * @param roomId the room
	 * @return the names of the users present in it
	 */
	public Set<String> namesIn(String roomId) {
		return new HashSet<>(this.joined.online(roomId));
	}

}
