package io.stompchat.member;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The commands that change who is a member: add, remove, and the owner's hand-over to the
 * longest-standing member when the owner leaves. Each publishes its fact
 * ({@link MemberAdded}, {@link MemberRemoved}) after its commit. Callers check the rule
 * ({@link RoomAccess}) first; these commands only keep the table consistent, and the
 * room's {@code member_count} with it, in the same transaction.
 */
@Service
public class Members {

	private final Memberships memberships;

	private final TransactionTemplate transaction;

	private final ApplicationEventPublisher events;

	Members(Memberships memberships, TransactionTemplate transaction, ApplicationEventPublisher events) {
		this.memberships = memberships;
		this.transaction = transaction;
		this.events = events;
	}

	/**
	 * Makes a user a member.
	 * @param roomId an existing room
	 * @param username the user's canonical name
	 * @param role their role
	 * @param by who added them, or null
	 * @return true when they became a member, false when they already were one
	 */
	public boolean add(String roomId, String username, Role role, String by) {
		try {
			this.transaction.executeWithoutResult((status) -> {
				this.memberships
					.saveAndFlush(new Membership(roomId, username, role, Instant.now().truncatedTo(ChronoUnit.MICROS)));
				this.memberships.countMember(roomId, 1);
			});
		}
		catch (DataIntegrityViolationException ex) {
			// a member already (another tab or instance added them first)
			return false;
		}
		this.events.publishEvent(new MemberAdded(roomId, username, role, by));
		return true;
	}

	/**
	 * Ends a membership; when it was the owner's, the longest-standing member becomes
	 * owner.
	 * @param roomId the room
	 * @param username the member
	 * @param by who removed them, or null when they left
	 * @return true when they were a member
	 */
	public boolean remove(String roomId, String username, String by) {
		String newOwner = this.transaction.execute((status) -> {
			Membership membership = this.memberships.findByRoomIdAndUsername(roomId, username).orElse(null);
			if (membership == null || this.memberships.delete(roomId, username) == 0) {
				return null;
			}
			this.memberships.countMember(roomId, -1);
			if (membership.getRole() != Role.OWNER) {
				return "";
			}
			String next = successor(this.memberships.findByRoomId(roomId));
			if (next != null) {
				this.memberships.makeOwner(roomId, next);
			}
			return (next != null) ? next : "";
		});
		if (newOwner == null) {
			return false;
		}
		this.events.publishEvent(new MemberRemoved(roomId, username, by, newOwner.isEmpty() ? null : newOwner));
		return true;
	}

	/**
	 * Who takes over from a leaving owner: the longest-standing of the remaining members,
	 * the first name in order on a tie.
	 * @param remaining the members left
	 * @return the successor, or null when none is left
	 */
	static String successor(List<Membership> remaining) {
		Membership next = null;
		for (Membership m : remaining) {
			if (next == null || m.getJoinedAt().isBefore(next.getJoinedAt())
					|| (m.getJoinedAt().equals(next.getJoinedAt())
							&& m.getUsername().compareTo(next.getUsername()) < 0)) {
				next = m;
			}
		}
		return (next != null) ? next.getUsername() : null;
	}

}
