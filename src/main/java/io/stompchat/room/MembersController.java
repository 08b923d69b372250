package io.stompchat.room;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Set;

import io.stompchat.account.Users;
import io.stompchat.member.Access;
import io.stompchat.member.Role;
import io.stompchat.member.RoomAccess;
import io.stompchat.member.RoomKind;
import io.stompchat.message.RoomMemberships;
import io.stompchat.presence.OnlineCounts;
import io.stompchat.system.Refusal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/rooms/{id}/members}: who is in a room, adding a member (anyone, by any
 * member of a PRIVATE room; oneself, in a PUBLIC room) and removing one (oneself:
 * leaving; another: the owner only). A DIRECT room's two members never change.
 */
@RestController
class MembersController {

	private final RoomAccess access;

	private final RoomMemberships memberships;

	private final Users users;

	private final OnlineCounts online;

	MembersController(RoomAccess access, RoomMemberships memberships, Users users, OnlineCounts online) {
		this.access = access;
		this.memberships = memberships;
		this.users = users;
		this.online = online;
	}

	@GetMapping("/api/rooms/{id}/members")
	List<MemberView> members(@PathVariable String id, Principal user) {
		this.access.of(id, user.getName()).requireReader(id);
		Set<String> present = this.online.namesIn(id);
		return this.access.members(id)
			.stream()
			.map((member) -> new MemberView(member.username(), member.role(), present.contains(member.username())))
			.toList();
	}

	@PostMapping("/api/rooms/{id}/members")
	ResponseEntity<MemberView> add(@PathVariable String id, @RequestBody AddMember request, Principal user) {
		Access access = this.access.of(id, user.getName()).requireReader(id).requireNotDirect();
		if (request == null || request.username() == null) {
			throw Refusal.invalid("invalid_member", "The body must be {\"username\": \"…\"}.");
		}
		String member = known(request.username());
		boolean self = member.equals(user.getName());
		if (access.kind() == RoomKind.PUBLIC && !self) {
			throw new Refusal(HttpStatus.FORBIDDEN, "not_allowed",
					"In a public room each user joins by themself; share the room instead.");
		}
		if (!this.memberships.add(id, member, Role.MEMBER, self ? null : user.getName())) {
			throw new Refusal(HttpStatus.CONFLICT, "already_member", "This user is a member already.");
		}
		MemberView added = new MemberView(member, Role.MEMBER, this.online.namesIn(id).contains(member));
		return ResponseEntity.created(URI.create("/api/rooms/" + id + "/members/" + member)).body(added);
	}

	@DeleteMapping("/api/rooms/{id}/members/{username}")
	ResponseEntity<Void> remove(@PathVariable String id, @PathVariable String username, Principal user) {
		Access access = this.access.of(id, user.getName()).requireReader(id).requireNotDirect();
		String member = known(username);
		if (member.equals(user.getName())) {
			access.requireMember(id);
			this.memberships.remove(id, member, null);
			return ResponseEntity.noContent().build();
		}
		if (!access.isOwner()) {
			throw new Refusal(HttpStatus.FORBIDDEN, "not_owner", "Only the room's owner removes other members.");
		}
		if (!this.memberships.remove(id, member, user.getName())) {
			throw new Refusal(HttpStatus.NOT_FOUND, "unknown_member", "This user is not a member of the room.");
		}
		return ResponseEntity.noContent().build();
	}

	private String known(String username) {
		return this.users.canonical(username)
			.orElseThrow(() -> new Refusal(HttpStatus.NOT_FOUND, "unknown_user", "There is no user with this name."));
	}

	/**
	 * The body of {@code POST /api/rooms/{id}/members}.
	 *
	 * @param username who to add
	 */
	record AddMember(String username) {
	}

	/**
	 * A member as listed.
	 *
	 * @param username the member
	 * @param role OWNER or MEMBER
	 * @param online whether they are present in the room
	 */
	record MemberView(String username, Role role, boolean online) {
	}

}
