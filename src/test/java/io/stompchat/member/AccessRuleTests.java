package io.stompchat.member;

import java.time.Instant;
import java.util.List;

import io.stompchat.system.Refusal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The membership rules alone: who may read and write a room, who takes over from a
 * leaving owner, and the key that makes a direct chat one per pair.
 */
class AccessRuleTests {

	@Test
	void anUnknownRoomGivesNoAccess() {
		assertThat(Access.of(null, null).level()).isEqualTo(Access.Level.NONE);
		assertThat(Access.of(null, Role.OWNER).level()).isEqualTo(Access.Level.NONE);
	}

	@Test
	void aPublicRoomIsReadByEveryoneAndWrittenByMembers() {
		assertThat(Access.of(RoomKind.PUBLIC, null).level()).isEqualTo(Access.Level.READER);
		assertThat(Access.of(RoomKind.PUBLIC, null).canRead()).isTrue();
		assertThat(Access.of(RoomKind.PUBLIC, null).isMember()).isFalse();
		assertThat(Access.of(RoomKind.PUBLIC, Role.MEMBER).level()).isEqualTo(Access.Level.MEMBER);
		assertThat(Access.of(RoomKind.PUBLIC, Role.OWNER).isOwner()).isTrue();
	}

	@Test
	void privateAndDirectRoomsAreInvisibleToNonMembers() {
		for (RoomKind kind : List.of(RoomKind.PRIVATE, RoomKind.DIRECT)) {
			Access outsider = Access.of(kind, null);
			assertThat(outsider.level()).isEqualTo(Access.Level.NONE);
			assertThat(outsider.canRead()).isFalse();
			assertThat(Access.of(kind, Role.MEMBER).isMember()).isTrue();
		}
	}

	@Test
	void anOutsiderIsRefusedLikeAnUnknownRoomAndAReaderWithForbidden() {
		assertThatThrownBy(() -> Access.of(RoomKind.PRIVATE, null).requireMember("secret"))
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> {
				assertThat(refusal.getStatus().value()).isEqualTo(404);
				assertThat(refusal.getError()).isEqualTo("unknown_room");
			});
		assertThatThrownBy(() -> Access.of(null, null).requireReader("none")).isInstanceOfSatisfying(Refusal.class,
				(refusal) -> assertThat(refusal.getError()).isEqualTo("unknown_room"));
		assertThatThrownBy(() -> Access.of(RoomKind.PUBLIC, null).requireMember("lounge"))
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> {
				assertThat(refusal.getStatus().value()).isEqualTo(403);
				assertThat(refusal.getError()).isEqualTo("not_a_member");
			});
		assertThat(Access.of(RoomKind.PUBLIC, Role.MEMBER).requireMember("lounge").isMember()).isTrue();
	}

	@Test
	void aDirectRoomsMembersNeverChange() {
		assertThatThrownBy(() -> Access.of(RoomKind.DIRECT, Role.MEMBER).requireNotDirect())
			.isInstanceOfSatisfying(Refusal.class, (refusal) -> assertThat(refusal.getStatus().value()).isEqualTo(400));
		assertThat(Access.of(RoomKind.PRIVATE, Role.MEMBER).requireNotDirect().kind()).isEqualTo(RoomKind.PRIVATE);
	}

	@Test
	void theLongestStandingMemberTakesOverAndTheFirstNameBreaksATie() {
		Instant t = Instant.parse("2026-01-01T00:00:00Z");
		assertThat(Members.successor(List.of(member("carol", t.plusSeconds(5)), member("bob", t.plusSeconds(1)),
				member("dave", t.plusSeconds(9)))))
			.isEqualTo("bob");
		assertThat(Members.successor(List.of(member("zed", t), member("amy", t)))).isEqualTo("amy");
		assertThat(Members.successor(List.of())).isNull();
	}

	@Test
	void aDirectPairHasOneKeyInEitherOrderAndCase() {
		assertThat(new DirectPair("alice", "Bob").key()).isEqualTo(new DirectPair("bob", "ALICE").key());
		assertThat(new DirectPair("alice", "bob").key()).isNotEqualTo(new DirectPair("alice", "carol").key());
		assertThat(new DirectPair("alice", "Bob").other("ALICE")).isEqualTo("Bob");
		assertThat(new DirectPair("alice", "Bob").other("bob")).isEqualTo("alice");
	}

	@Test
	void aDirectPairNeedsTwoDifferentUsers() {
		assertThatThrownBy(() -> new DirectPair("alice", "ALICE")).isInstanceOf(IllegalArgumentException.class);
	}

	private static Membership member(String name, Instant joinedAt) {
		return new Membership("room", name, Role.MEMBER, joinedAt);
	}

}
