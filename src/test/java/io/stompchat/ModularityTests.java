package io.stompchat;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * The feature packages are modules: no cycles between them, and none reaches into
 * another's internals.
 */
class ModularityTests {

	@Test
	void featurePackagesAreModulesWithoutCycles() {
		ApplicationModules.of(ChatApplication.class).verify();
	}

}
