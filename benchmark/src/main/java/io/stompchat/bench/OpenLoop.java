package io.stompchat.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;

/**
 * One pass of constant-rate, open-loop load: message i is due at start + i/rate whatever happened
 * to the ones before, and carries that intended time; latency counts from it, so a stalled server
 * shows as latency, not as a slower sender. Server and client CPU are read over the sending window.
 */
final class OpenLoop {

	/** Sends message i, intended at the given epoch microseconds. */
	interface Send {

		void send(long i, long intendedMicros);

	}

	/** What one pass measured. */
	record Pass(String label, double rate, int seconds, long sent, long expected, long delivered,
			long deliveredInWindow, Histogram latency, long serverCpuNanos, long serverJitCpuNanos, long clientCpuNanos,
			double windowSeconds,
			long errors, List<Map<String, Object>> slices) {

		double deliveredPerSecond() {
			return this.deliveredInWindow / this.windowSeconds;
		}

		double serverMicrosPerDelivery() {
			return (this.serverCpuNanos < 0 || this.deliveredInWindow == 0) ? Double.NaN
					: this.serverCpuNanos / 1000.0 / this.deliveredInWindow;
		}

		/** The part of {@link #serverMicrosPerDelivery()} spent by the JIT compiler threads. */
		double jitMicrosPerDelivery() {
			return (this.serverJitCpuNanos < 0 || this.deliveredInWindow == 0) ? Double.NaN
					: this.serverJitCpuNanos / 1000.0 / this.deliveredInWindow;
		}

		double clientMicrosPerDelivery() {
			return (this.deliveredInWindow == 0) ? Double.NaN : this.clientCpuNanos / 1000.0 / this.deliveredInWindow;
		}

		double ms(double percentile) {
			return (this.latency.getTotalCount() == 0) ? Double.NaN
					: this.latency.getValueAtPercentile(percentile) / 1000.0;
		}

		Map<String, Object> json() {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("label", this.label);
			m.put("rate", this.rate);
			m.put("seconds", this.seconds);
			m.put("sent", this.sent);
			m.put("expected", this.expected);
			m.put("delivered", this.delivered);
			m.put("deliveredPct", round(100.0 * this.delivered / Math.max(1, this.expected)));
			m.put("deliveredPerSec", round(deliveredPerSecond()));
			m.put("p50ms", ms(50));
			m.put("p90ms", ms(90));
			m.put("p99ms", ms(99));
			m.put("p999ms", ms(99.9));
			m.put("maxms", (this.latency.getTotalCount() == 0) ? Double.NaN : this.latency.getMaxValue() / 1000.0);
			m.put("serverCpuS", round(this.serverCpuNanos / 1e9));
			m.put("serverUsPerDelivery", round(serverMicrosPerDelivery()));
			m.put("serverJitCpuS", round(this.serverJitCpuNanos / 1e9));
			m.put("serverJitUsPerDelivery", round(jitMicrosPerDelivery()));
			m.put("clientCpuS", round(this.clientCpuNanos / 1e9));
			m.put("clientUsPerDelivery", round(clientMicrosPerDelivery()));
			m.put("errors", this.errors);
			if (!this.slices.isEmpty()) {
				m.put("slices", this.slices);
			}
			return m;
		}

	}

	static double round(double v) {
		return Double.isNaN(v) ? v : Math.round(v * 100) / 100.0;
	}

	private OpenLoop() {
	}

	/**
	 * Runs one pass and waits (at most {@code drainSeconds}) for the deliveries still under way.
	 * @param fanOut deliveries expected per message sent
	 * @param sliceSeconds when positive, latency percentiles per slice of that many seconds too
	 */
	static Pass run(String label, double rate, int seconds, Send send, long fanOut, Meter meter, long serverPid,
			LongSupplier errors, int drainSeconds, int sliceSeconds) throws InterruptedException {
		long count = Math.round(rate * seconds);
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
		meter.reset(Clock.toMicros(start));
		long errors0 = errors.getAsLong();
		long server0 = Server.cpuNanos(serverPid);
		long jit0 = Server.jitCpuNanos(serverPid);
		long client0 = clientCpu();
		Histogram total = new Histogram(3_600_000_000L, 3);
		List<Map<String, Object>> slices = new ArrayList<>();
		long nextSlice = (sliceSeconds > 0) ? start + TimeUnit.SECONDS.toNanos(sliceSeconds) : Long.MAX_VALUE;
		long sent = 0;
		for (long i = 0; i < count; i++) {
			long due = start + (long) (i * 1e9 / rate);
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			send.send(i, Clock.toMicros(due));
			sent++;
			if (System.nanoTime() >= nextSlice) {
				slices.add(slice(slices.size() * sliceSeconds, meter.interval(), total));
				nextSlice += TimeUnit.SECONDS.toNanos(sliceSeconds);
			}
		}
		long end = System.nanoTime();
		long serverCpu = (server0 < 0) ? -1 : Server.cpuNanos(serverPid) - server0;
		long jitCpu = (jit0 < 0) ? -1 : Server.jitCpuNanos(serverPid) - jit0;
		long clientCpu = clientCpu() - client0;
		long inWindow = meter.delivered();
		long expected = sent * fanOut;
		long deadline = end + TimeUnit.SECONDS.toNanos(drainSeconds);
		while (meter.delivered() < expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		Histogram last = meter.interval();
		if (sliceSeconds > 0) {
			slices.add(slice(slices.size() * sliceSeconds, last.copy(), total));
		}
		else {
			total.add(last);
		}
		Pass pass = new Pass(label, rate, seconds, sent, expected, meter.delivered(), inWindow, total, serverCpu,
				jitCpu, clientCpu, (end - start) / 1e9, errors.getAsLong() - errors0, slices);
		Log.info("%s: %.0f msg/s, %d/%d delivered, %.0f deliveries/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, "
				+ "server %.1f us/delivery (JIT compiler %.1f), client %.1f us/delivery, %d refusals", label, rate,
				pass.delivered(), expected, pass.deliveredPerSecond(), pass.ms(50), pass.ms(99), pass.ms(99.9),
				pass.serverMicrosPerDelivery(), pass.jitMicrosPerDelivery(), pass.clientMicrosPerDelivery(),
				pass.errors());
		return pass;
	}

	private static Map<String, Object> slice(int fromSecond, Histogram h, Histogram total) {
		total.add(h);
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("fromSecond", fromSecond);
		m.put("count", h.getTotalCount());
		m.put("p50ms", h.getValueAtPercentile(50) / 1000.0);
		m.put("p99ms", h.getValueAtPercentile(99) / 1000.0);
		m.put("maxms", h.getMaxValue() / 1000.0);
		return m;
	}

	static long clientCpu() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
