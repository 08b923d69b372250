package io.stompchat.bench;

import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where every connection reports its deliveries: latency (arrival minus intended send time, in
 * microseconds) into an HdrHistogram recorder, for messages whose intended time falls in the
 * current pass only (a late warm-up message is never counted).
 */
final class Meter implements Client.Sink {

	private static final long HIGHEST_MICROS = 3_600_000_000L;

	private final Recorder recorder = new Recorder(HIGHEST_MICROS, 3);

	private final LongAdder delivered = new LongAdder();

	private volatile long fromMicros = Long.MAX_VALUE;

	@Override
	public void delivered(long sentMicros, long nowMicros) {
		if (sentMicros < this.fromMicros) {
			return;
		}
		this.delivered.increment();
		this.recorder.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, nowMicros - sentMicros)));
	}

	/** Starts counting messages intended from now on; forgets everything before. */
	void reset(long fromMicros) {
		this.fromMicros = fromMicros;
		this.delivered.reset();
		this.recorder.reset();
	}

	long delivered() {
		return this.delivered.sum();
	}

	/** The latencies since the last call (or reset). */
	Histogram interval() {
		return this.recorder.getIntervalHistogram();
	}

}
