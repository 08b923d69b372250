package io.stompchat.member;

import java.util.List;

import io.stompchat.system.RoomIds;
import io.stompchat.system.RoomReaders;
import jakarta.persistence.EntityManagerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one rule of who may read and write a room, and the questions about members that
 * other modules ask. Every path (REST, STOMP, pages, the lobby) asks here.
 */
@Component
public class RoomAccess implements RoomReaders {

	/** The room's kind, and the user's role when a member: one row, or none. */
	private static final String ACCESS = "select r.kind, m.role from rooms r left join room_members m"
			+ " on m.room_id = r.id and m.username = ? where r.id = ?";

	private final Memberships memberships;

	private final JdbcTemplate jdbc;

	private final EntityManagerFactory entityManagers;

	RoomAccess(Memberships memberships, JdbcTemplate jdbc, EntityManagerFactory entityManagers) {
		this.memberships = memberships;
		this.jdbc = jdbc;
		this.entityManagers = entityManagers;
	}

	/**
	 * What the user may do in the room, in one query. Every STOMP SEND and SUBSCRIBE
	 * asks, so the query is plain JDBC on a pooled connection: through the repository it
	 * opened a JPA transaction and a projection proxy each time, 28 % of the inbound
	 * threads' CPU in the many-rooms benchmark (docs/bench). Inside a transaction it
	 * reads on that transaction's connection, after flushing its pending changes, as the
	 * repository's native query did.
	 * @param roomId the room; an invalid id is an unknown room
	 * @param username the signed-in user
	 * @return the access, {@link Access.Level#NONE} for an unknown room
	 */
	public Access of(String roomId, String username) {
		if (!RoomIds.isValid(roomId)) {
			return Access.NONE;
		}
		if (TransactionSynchronizationManager.isActualTransactionActive() && TransactionSynchronizationManager
			.getResource(this.entityManagers) instanceof EntityManagerHolder jpa) {
			jpa.getEntityManager().flush();
		}
		List<Access> access = this.jdbc.query(ACCESS, (row, i) -> Access.of(RoomKind.valueOf(row.getString(1)),
				(row.getString(2) != null) ? Role.valueOf(row.getString(2)) : null), username, roomId);
		return access.isEmpty() ? Access.NONE : access.get(0);
	}

	@Override
	public boolean mayRead(String roomId, String username) {
		return of(roomId, username).canRead();
	}

	/**
	 * The names of a room's members.
	 * @param roomId the room
	 * @return their names, in no order
	 */
	public List<String> memberNames(String roomId) {
		return this.memberships.findNames(roomId);
	}

	/**
	 * A room's members, owner first, then by how long they have been members.
	 * @param roomId the room
	 * @return the members
	 */
	public List<Member> members(String roomId) {
		return this.memberships.findByRoomId(roomId)
			.stream()
			.map((m) -> new Member(m.getUsername(), m.getRole()))
			.toList();
	}

	/**
	 * A member of a room.
	 *
	 * @param username the member
	 * @param role their role
	 */
	public record Member(String username, Role role) {
	}

}
