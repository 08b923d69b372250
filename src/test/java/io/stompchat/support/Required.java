package io.stompchat.support;

import java.util.concurrent.Callable;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * What a test needs from the machine (Chromium, RabbitMQ, an embedded PostgreSQL): where
 * it is missing the test skips and says what to install, except under CI ({@code CI=true}
 * in the environment, as {@code .ci/run} sets it), where it fails, so that a green build
 * never hides a test that did not run.
 */
public final class Required {

	/** True when the build runs in CI: nothing may be skipped for want of a package. */
	public static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

	private Required() {
	}

	/**
	 * Skips the calling test, or fails it under CI, when something it needs is missing.
	 * @param available whether it is there
	 * @param missing what is missing and how to install it
	 */
	public static void that(boolean available, String missing) {
		if (available) {
			return;
		}
		if (CI) {
			throw new AssertionFailedError("Required in CI (CI=true): " + missing);
		}
		Assumptions.abort(missing);
	}

	/**
	 * Starts something a test needs; skips the test with the reason when it cannot start,
	 * or fails it under CI.
	 * @param <T> what is started
	 * @param what what is started, for the message
	 * @param start starts it
	 * @return what was started
	 */
	public static <T> T started(String what, Callable<T> start) {
		try {
			return start.call();
		}
		catch (Exception ex) {
			String reason = what + " could not start: " + ex;
			if (CI) {
				throw new AssertionFailedError("Required in CI (CI=true): " + reason, ex);
			}
			Assumptions.abort(reason);
			throw new IllegalStateException(ex);
		}
	}

}
