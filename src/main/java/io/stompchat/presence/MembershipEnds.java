package io.stompchat.presence;

import io.stompchat.member.MemberRemoved;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A user who stops being a member of a room is no longer present in it, in any of their
 * sessions on any instance, and stops typing there.
 */
@Component
class MembershipEnds {

	private final JoinedSessions joined;

	private final RoomPresence presence;

	MembershipEnds(JoinedSessions joined, RoomPresence presence) {
		this.joined = joined;
		this.presence = presence;
	}

	@EventListener
	void on(MemberRemoved removed) {
		for (String sessionId : this.joined.sessionsOf(removed.roomId(), removed.username())) {
			this.presence.leave(removed.roomId(), removed.username(), sessionId);
		}
	}

}
