package io.stompchat.bench;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Many idle connections with heart-beats: how fast they connect, and what they cost the server at
 * rest — CPU, heap (after a full GC) and RSS, per connection.
 */
final class IdleConnections {

	private IdleConnections() {
	}

	static void run(Settings s, HttpClient http, Server server, Report report) throws Exception {
		int total = s.integer("connections", 10000);
		int perUser = s.integer("connections-per-user", 50);
		int users = (total + perUser - 1) / perUser;
		int rooms = s.integer("rooms", 100);
		int heartbeat = s.integer("heartbeat-ms", 10000);
		int idleSeconds = s.integer("idle-seconds", 30);
		// the JIT compiler is still at work for minutes after the ramp on 2 cores: wait it out to see the idle cost
		int settleSeconds = s.integer("settle-seconds", 0);
		report.setting("layout", Map.of("connections", total, "users", users, "connectionsPerUser", perUser,
				"rooms", rooms, "heartbeatMs", heartbeat, "settleSeconds", settleSeconds));
		SignIn signIn = new SignIn(http, server.url);
		List<SignIn.Session> sessions = signIn.users("bench_", users, 4);
		List<String> roomIds = new ArrayList<>();
		for (int r = 0; r < rooms; r++) {
			roomIds.add("bench-idle-" + r);
			signIn.createRoom(sessions.get(0), roomIds.get(r));
		}
		long heap0 = server.heapUsedBytes(true);
		long rss0 = server.rssBytes();
		Meter meter = new Meter();
		List<Client> clients = new ArrayList<>();
		ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor();
		// each client at the interval negotiated in its CONNECTED, as STOMP client libraries do
		beats.scheduleAtFixedRate(() -> {
			long now = System.currentTimeMillis();
			synchronized (clients) {
				for (Client c : clients) {
					c.heartbeatIfDue(now);
				}
			}
		}, 200, 200, TimeUnit.MILLISECONDS);
		long cpu0 = server.cpuNanos();
		long t0 = System.nanoTime();
		List<CompletableFuture<Client>> pending = new ArrayList<>();
		int failed = 0;
		for (int i = 0; i < total; i++) {
			pending.add(Client.connect(http, server.url, sessions.get(i % users), meter, heartbeat));
			if (pending.size() == 100 || i == total - 1) {
				for (CompletableFuture<Client> f : pending) {
					try {
						Client c = f.get(60, TimeUnit.SECONDS);
						String room = roomIds.get(clients.size() % rooms);
						c.subscribe("e", "/user/queue/errors");
						c.subscribe("s0", "/topic/room." + room);
						c.join(room);
						synchronized (clients) {
							clients.add(c);
						}
					}
					catch (Exception ex) {
						if (failed++ == 0) {
							Log.info("a connection failed: %s", ex);
						}
					}
				}
				pending.clear();
				if (clients.size() % 1000 == 0) {
					Log.info("%d connections", clients.size());
				}
			}
		}
		double connectSeconds = (System.nanoTime() - t0) / 1e9;
		long connectCpu = server.cpuNanos() - cpu0;
		Log.info("%d connected (%d failed) in %.1f s; settling %d s, idling %d s", clients.size(), failed,
				connectSeconds, settleSeconds, idleSeconds);
		Thread.sleep(5000);
		long settleCpu0 = server.cpuNanos();
		long settleJit0 = Server.jitCpuNanos(server.pid);
		long settleT0 = System.nanoTime();
		Thread.sleep(settleSeconds * 1000L);
		double settleWall = (System.nanoTime() - settleT0) / 1e9;
		long settleCpu = server.cpuNanos() - settleCpu0;
		long settleJit = (settleJit0 < 0) ? -1 : Server.jitCpuNanos(server.pid) - settleJit0;
		long idleCpu0 = server.cpuNanos();
		long idleJit0 = Server.jitCpuNanos(server.pid);
		long idleT0 = System.nanoTime();
		Thread.sleep(idleSeconds * 1000L);
		double idleWall = (System.nanoTime() - idleT0) / 1e9;
		long idleCpu = server.cpuNanos() - idleCpu0;
		long idleJit = (idleJit0 < 0) ? -1 : Server.jitCpuNanos(server.pid) - idleJit0;
		long heap1 = server.heapUsedBytes(true);
		long rss1 = server.rssBytes();
		long closed = clients.stream().filter((c) -> c.closed).count();
		int n = Math.max(1, clients.size());
		Map<String, Object> r = new LinkedHashMap<>();
		r.put("connected", clients.size());
		r.put("failed", failed);
		r.put("closedWhileIdle", closed);
		r.put("connectSeconds", OpenLoop.round(connectSeconds));
		r.put("connectsPerSecond", OpenLoop.round(clients.size() / connectSeconds));
		r.put("serverCpuMsPerConnect", OpenLoop.round(connectCpu / 1e6 / n));
		r.put("heartbeatMsAsked", heartbeat);
		r.put("heartbeatMsNegotiated", clients.isEmpty() ? 0 : clients.get(0).heartbeatEveryMs());
		r.put("settleSeconds", settleSeconds);
		if (settleSeconds > 0) {
			// the same measure over the settling time, for comparison with a run without it
			r.put("settleCpuPctOfCore", OpenLoop.round(100.0 * settleCpu / 1e9 / settleWall));
			if (settleJit >= 0) {
				r.put("settleJitCpuPctOfCore", OpenLoop.round(100.0 * settleJit / 1e9 / settleWall));
			}
		}
		r.put("idleSeconds", OpenLoop.round(idleWall));
		r.put("idleCpuPctOfCore", OpenLoop.round(100.0 * idleCpu / 1e9 / idleWall));
		if (idleJit >= 0) {
			// the C2 compiler is still at work after the ramp on 2 cores: start-up, not the cost of idling
			r.put("idleJitCpuPctOfCore", OpenLoop.round(100.0 * idleJit / 1e9 / idleWall));
			r.put("idleCpuPctOfCoreWithoutJit", OpenLoop.round(100.0 * (idleCpu - idleJit) / 1e9 / idleWall));
		}
		r.put("heapBeforeMiB", OpenLoop.round(heap0 / 1048576.0));
		r.put("heapAfterMiB", OpenLoop.round(heap1 / 1048576.0));
		r.put("heapKiBPerConnection", OpenLoop.round((heap1 - heap0) / 1024.0 / n));
		r.put("rssBeforeMiB", OpenLoop.round(rss0 / 1048576.0));
		r.put("rssAfterMiB", OpenLoop.round(rss1 / 1048576.0));
		r.put("rssKiBPerConnection", OpenLoop.round((rss1 - rss0) / 1024.0 / n));
		r.put("clientCpuNote", "each connection subscribes to /user/queue/errors and one room topic and joins it");
		report.results.put("connections", r);
		report.notes.add("Heap from jcmd GC.heap_info after jcmd GC.run (before and after the connections); RSS from "
				+ "/proc/PID/status. Idle CPU is the server's over the idle window (which starts 5 s plus "
				+ "settleSeconds after the ramp), heart-beats flowing both ways; idleJitCpuPctOfCore is the part of it "
				+ "spent by the JIT compiler threads.");
		Log.info("connections: %s", r);
		beats.shutdownNow();
		for (Client c : clients) {
			c.close();
		}
	}

}
