package io.stompchat.bench;

/**
 * Epoch microseconds derived from {@link System#nanoTime()}: monotonic inside this process, so a
 * message's intended send time and its arrival are read from the same clock.
 */
final class Clock {

	private static final long NANO0 = System.nanoTime();

	private static final long EPOCH0_MICROS = System.currentTimeMillis() * 1000;

	private Clock() {
	}

	static long micros() {
		return toMicros(System.nanoTime());
	}

	static long toMicros(long nanoTime) {
		return EPOCH0_MICROS + (nanoTime - NANO0) / 1000;
	}

}
