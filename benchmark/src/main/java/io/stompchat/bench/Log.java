package io.stompchat.bench;

/** Progress lines on stderr, so stdout carries only the results. */
final class Log {

	private Log() {
	}

	static void info(String format, Object... args) {
		System.err.printf("[bench] " + format + "%n", args);
	}

}
