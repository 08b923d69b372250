package io.stompchat.security;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row of a bad-input table: what is sent, how it must be refused (asserted by the
 * attack itself), and which CHAT texts the attacker's room holds afterwards.
 *
 * @param name what the case is, as the test report shows it
 * @param attack sends the bad input and asserts the exact answer
 * @param stored the texts the room must hold afterwards, in order; usually none; null
 * when the attack checks the room itself
 */
record Case(String name, Attack attack, List<String> stored) {

	static Case refused(String name, Attack attack) {
		return new Case(name, attack, List.of());
	}

	static Case storing(String name, List<String> stored, Attack attack) {
		return new Case(name, attack, stored);
	}

	/**
	 * Runs the case against a fresh target and asserts what is stored and that the server
	 * still serves a fresh user.
	 * @param port the server's port
	 */
	void check(int port) throws Exception {
		Target target = Target.create(port);
		this.attack.run(target);
		if (this.stored != null) {
			assertThat(target.storedTexts()).as("stored in the room").containsExactlyElementsOf(this.stored);
		}
		target.assertStillServes();
	}

	@Override
	public String toString() {
		return this.name;
	}

	@FunctionalInterface
	interface Attack {

		void run(Target target) throws Exception;

	}

}
