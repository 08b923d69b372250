package io.stompchat.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workloads that send chat messages: fan-out (one room, many subscribers), many rooms, a slow
 * consumer in a fan-out room, and the first minute after start.
 */
final class MessageLoad {

	private MessageLoad() {
	}

	static void run(String workload, Settings s, HttpClient http, Server server, Report report) throws Exception {
		Meter meter = new Meter();
		boolean fanout = !workload.equals("rooms");
		int subscribers = s.integer("subscribers", 200);
		int rooms = fanout ? 1 : s.integer("rooms", 100);
		int members = fanout ? subscribers : s.integer("members", 10);
		int users = fanout ? subscribers : s.integer("users", 200);
		report.setting("layout", Map.of("rooms", rooms, "membersPerRoom", members, "users", users,
				"connectionsPerUser", 1));
		String roomPrefix = fanout ? "bench-fanout" : "bench-rooms";
		try (Topology t = Topology.open(http, server.url, roomPrefix, rooms, members, users, "bench_", meter)) {
			t.senders = Math.min(members, s.integer("senders", members));
			report.setting("sendersPerRoom", t.senders);
			String run = Long.toString(System.currentTimeMillis(), 36);
			int seconds = s.integer("seconds", 10);
			int warmup = s.integer("warmup-seconds", seconds);
			int drain = s.integer("drain-seconds", 5);
			List<Double> rates = s.rates(fanout ? 100 : 200);
			double limit = Double.parseDouble(s.text("p99-limit-ms", "50"));
			if (warmup > 0) {
				report.warmup(OpenLoop.run("warm-up", rates.get(0), warmup,
						(i, at) -> t.send(i, at, run + "w"), members, meter, server.pid, t::errors, drain, 0));
			}
			if (workload.equals("slow")) {
				slow(s, t, server, meter, report, rates.get(0), seconds, drain, run);
				return;
			}
			int step = 0;
			for (double rate : rates) {
				String tag = run + "m" + step++;
				OpenLoop.Pass pass = OpenLoop.run("measured", rate, seconds, (i, at) -> t.send(i, at, tag), members,
						meter, server.pid, t::errors, drain, 0);
				report.pass(pass);
				Log.info("other room events received so far (JOIN, PRESENCE, …): %d", t.others());
				if (rates.size() > 1 && pass.ms(99) > limit) {
					report.notes.add(String.format("Rates rose until p99 passed %.0f ms: at %.0f msg/s it was %.1f ms.",
							limit, rate, pass.ms(99)));
					break;
				}
			}
		}
	}

	/**
	 * A measured pass with everyone reading, then the same load while one subscriber stops reading
	 * (not the sender of that message): the others' p99 and the server's heap, sampled every 2 s.
	 */
	private static void slow(Settings s, Topology t, Server server, Meter meter, Report report, double rate,
			int seconds, int drain, String run) throws Exception {
		int members = t.members;
		report.pass(OpenLoop.run("all reading", rate, seconds, (i, at) -> t.send(i, at, run + "a"), members, meter,
				server.pid, t::errors, drain, 0));
		long heapBefore = server.heapUsedBytes(false);
		Client slow = t.clients.get(t.clients.size() - 1);
		slow.pause();
		List<Map<String, Object>> heap = new ArrayList<>();
		Thread sampler = new Thread(() -> {
			long t0 = System.nanoTime();
			while (!Thread.currentThread().isInterrupted()) {
				Map<String, Object> sample = new LinkedHashMap<>();
				sample.put("second", OpenLoop.round((System.nanoTime() - t0) / 1e9));
				sample.put("heapUsedMiB", OpenLoop.round(server.heapUsedBytes(false) / 1048576.0));
				sample.put("rssMiB", OpenLoop.round(server.rssBytes() / 1048576.0));
				sample.put("slowClientClosed", slow.closed);
				synchronized (heap) {
					heap.add(sample);
				}
				try {
					Thread.sleep(2000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sampler.start();
		// the slow subscriber never sends: the senders cycle over the other members
		int others = Math.min(t.senders, members - 1);
		report.pass(OpenLoop.run("one not reading", rate, seconds, (i, at) -> t.sendFrom((int) (i % others),
				i, at, run + "s"), others, meter, server.pid, t::errors, drain, 0));
		sampler.interrupt();
		sampler.join();
		report.results.put("slowConsumer", Map.of("heapUsedBeforeMiB", OpenLoop.round(heapBefore / 1048576.0),
				"slowClientClosedByServer", slow.closed, "samples", heap));
		report.notes.add("Slow consumer: the last subscriber stops reading (its WebSocket requests no more "
				+ "messages, so TCP buffers fill); the second pass counts the other subscribers only.");
	}

	/**
	 * The first minute after start: accounts and rooms are made on a first start; the server is then
	 * started again on the same database, users sign in and the load begins at once, no warm-up;
	 * latency per 10 s slice.
	 */
	static void startup(Settings s, HttpClient http, Bench.ServerLauncher launcher, Report report) throws Exception {
		int rooms = s.integer("rooms", 100);
		int members = s.integer("members", 10);
		int users = s.integer("users", 200);
		double rate = s.rates(200).get(0);
		int seconds = s.integer("seconds", 60);
		report.setting("layout", Map.of("rooms", rooms, "membersPerRoom", members, "users", users));
		try (Server first = launcher.start()) {
			try (Topology t = Topology.open(http, first.url, "bench-rooms", rooms, members, users, "bench_",
					new Meter())) {
				Log.info("accounts and rooms are in place; restarting the server");
			}
		}
		long t0 = System.nanoTime();
		Meter meter = new Meter();
		try (Server server = launcher.start()) {
			report.server(server);
			double upSeconds = (System.nanoTime() - t0) / 1e9;
			try (Topology t = Topology.open(http, server.url, "bench-rooms", rooms, members, users, "bench_", meter)) {
				double loadAt = (System.nanoTime() - t0) / 1e9;
				String run = Long.toString(System.currentTimeMillis(), 36);
				report.pass(OpenLoop.run("first " + seconds + " s", rate, seconds, (i, at) -> t.send(i, at, run), members,
						meter, server.pid, t::errors, s.integer("drain-seconds", 5), 10));
				report.results.put("startup", Map.of("serverUpSeconds", OpenLoop.round(upSeconds),
						"loadStartedAtSeconds", OpenLoop.round(loadAt)));
				report.notes.add(String.format("Start-up: the server answered /actuator/health %.1f s after its start; "
						+ "users signed in and the load began %.1f s after it; no warm-up.", upSeconds, loadAt));
			}
		}
	}

}
