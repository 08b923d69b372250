package io.stompchat.member;

import io.stompchat.account.AccountCreated;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every new account is a member of {@code general}, without a JOIN line.
 */
@Component
class GeneralMembership {

	static final String GENERAL = "general";

	private final Members members;

	private final RoomAccess access;

	GeneralMembership(Members members, RoomAccess access) {
		this.members = members;
		this.access = access;
	}

	@EventListener
	void on(AccountCreated created) {
		if (this.access.of(GENERAL, created.username()).kind() != null) {
			this.members.add(GENERAL, created.username(), Role.MEMBER, null);
		}
	}

}
