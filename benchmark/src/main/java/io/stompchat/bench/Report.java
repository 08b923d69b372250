package io.stompchat.bench;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The output of one run: a JSON file under {@code OUT/runs/}, a markdown table and a PNG chart
 * under {@code OUT/}, stamped with the commit, the JVM, the settings and the machine.
 */
final class Report {

	private final String name;

	private final Path out;

	private final Map<String, Object> stamp = new LinkedHashMap<>();

	private final Map<String, Object> settings = new LinkedHashMap<>();

	private final List<Map<String, Object>> warmups = new ArrayList<>();

	private final List<OpenLoop.Pass> passes = new ArrayList<>();

	final Map<String, Object> results = new LinkedHashMap<>();

	final List<Map<String, Object>> peers = new ArrayList<>();

	final List<String> notes = new ArrayList<>();

	Report(String name, Path out, Path root, Settings s) {
		this.name = name;
		this.out = out;
		String when = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
		this.stamp.put("run", when + "-" + name);
		this.stamp.put("date", Instant.now().toString());
		this.stamp.put("commit", run(root, "git", "rev-parse", "HEAD"));
		this.stamp.put("dirty", !run(root, "git", "status", "--porcelain", "--", "src", "pom.xml").isBlank());
		this.stamp.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		this.stamp.put("nproc", Runtime.getRuntime().availableProcessors());
		this.stamp.put("cpu", cpuModel());
		this.stamp.put("memTotal", grep("/proc/meminfo", "MemTotal:"));
		this.stamp.put("loadAverageAtStart", grep("/proc/loadavg", ""));
		this.stamp.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		this.settings.put("argv", String.join(" ", s.argv()));
	}

	void server(Server server) {
		this.settings.put("serverUrl", server.url.toString());
		this.settings.put("serverPid", server.pid);
		this.settings.put("serverStartedByBenchmark", server.started());
		if (server.started()) {
			this.settings.put("serverCommand", String.join(" ", server.command));
		}
		else {
			this.notes.add("Running server given by --url: its limits must be raised like " + Server.RAISED_LIMITS);
		}
	}

	void setting(String key, Object value) {
		this.settings.put(key, value);
	}

	void warmup(OpenLoop.Pass pass) {
		this.warmups.add(pass.json());
	}

	void pass(OpenLoop.Pass pass) {
		this.passes.add(pass);
		if (pass.delivered() < pass.expected() * 0.99) {
			this.notes.add(String.format("Pass '%s' at %.0f msg/s: only %d of %d deliveries arrived within the window "
					+ "and the drain; its percentiles cover those that arrived (the others were later still, or lost).",
					pass.label(), pass.rate(), pass.delivered(), pass.expected()));
		}
	}

	String runName() {
		return (String) this.stamp.get("run");
	}

	Path write() throws IOException {
		Files.createDirectories(this.out.resolve("runs"));
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("stamp", this.stamp);
		json.put("settings", this.settings);
		json.put("warmup", this.warmups);
		List<Map<String, Object>> measured = new ArrayList<>();
		for (OpenLoop.Pass p : this.passes) {
			measured.add(p.json());
		}
		json.put("passes", measured);
		json.put("results", this.results);
		json.put("peers", this.peers);
		json.put("notes", this.notes);
		Path jsonFile = this.out.resolve("runs").resolve(runName() + ".json");
		Files.writeString(jsonFile, Json.write(json) + "\n");
		Files.writeString(this.out.resolve(runName() + ".md"), markdown());
		if (!this.passes.isEmpty()) {
			Chart.write(this.out.resolve(runName() + ".png"), "stomp-chat " + this.name + " (" + this.stamp.get("nproc")
					+ " cores, load on the same box)", series());
		}
		return jsonFile;
	}

	private String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# ").append(runName()).append("\n\n");
		md.append("commit `").append(this.stamp.get("commit")).append("`")
			.append(Boolean.TRUE.equals(this.stamp.get("dirty")) ? " (with uncommitted changes)" : "")
			.append(", ").append(this.stamp.get("jvm")).append(", ").append(this.stamp.get("nproc"))
			.append(" × ").append(this.stamp.get("cpu")).append(", ").append(this.stamp.get("memTotal"))
			.append(", load average at start ").append(this.stamp.get("loadAverageAtStart")).append(", ")
			.append(this.stamp.get("date")).append("\n\n");
		md.append("`").append(this.settings.get("argv")).append("`\n\n");
		if (this.settings.containsKey("serverCommand")) {
			md.append("server: `").append(this.settings.get("serverCommand")).append("`\n\n");
		}
		if (!this.passes.isEmpty() || !this.peers.isEmpty()) {
			md.append("| server | pass | msg/s | delivered/s | delivered | p50 ms | p99 ms | p99.9 ms | max ms | server µs/delivery | of it JIT compiler | client µs/delivery |\n");
			md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
			for (OpenLoop.Pass p : this.passes) {
				Map<String, Object> j = p.json();
				md.append(String.format("| stomp-chat | %s | %.0f | %,.0f | %s %% | %s | %s | %s | %s | %s | %s | %s |%n",
						p.label(), p.rate(), p.deliveredPerSecond(), j.get("deliveredPct"), f(p.ms(50)), f(p.ms(99)),
						f(p.ms(99.9)), f((Double) j.get("maxms")), f(p.serverMicrosPerDelivery()),
						f(p.jitMicrosPerDelivery()), f(p.clientMicrosPerDelivery())));
			}
			for (Map<String, Object> peer : this.peers) {
				md.append(String.format("| %s (peer) | %s subs | %s | %s | %s %% | %s | %s | – | %s | %s | – | – |%n",
						peer.get("peer"), num(peer.get("subs")), num(peer.get("rate")), num(peer.get("deliveredPerSec")),
						pct(peer), peer.get("p50ms"), peer.get("p99ms"), peer.get("maxms"), peer.get("serverUsPerDelivery")));
			}
			md.append("\n");
		}
		if (!this.results.isEmpty()) {
			md.append("```json\n").append(Json.write(this.results)).append("\n```\n\n");
		}
		if (!this.passes.isEmpty()) {
			md.append("![latency against delivered rate](").append(runName()).append(".png)\n\n");
		}
		md.append("Method: each pass is open loop at a constant rate; latency runs from each message's intended send time "
				+ "(HdrHistogram, µs); a warm-up pass with the same load precedes the first measured pass; server and "
				+ "client CPU are read over the sending window only and divided by the deliveries inside it.\n");
		for (String note : this.notes) {
			md.append("\n- ").append(note);
		}
		md.append("\n");
		return md.toString();
	}

	private List<Chart.Series> series() {
		List<Chart.Series> series = new ArrayList<>();
		double[][] percentiles = { { 50 }, { 99 }, { 99.9 } };
		Color[] colors = { new Color(40, 120, 200), new Color(220, 120, 30), new Color(200, 40, 40) };
		for (int i = 0; i < percentiles.length; i++) {
			List<double[]> pts = new ArrayList<>();
			for (OpenLoop.Pass p : this.passes) {
				if (p.latency().getTotalCount() == 0) {
					continue;
				}
				pts.add(new double[] { p.deliveredPerSecond(), p.ms(percentiles[i][0]) });
			}
			series.add(new Chart.Series("stomp-chat p" + (percentiles[i][0] == 99.9 ? "99.9" : (int) percentiles[i][0]),
					colors[i], pts, true));
		}
		Color[] peerColors = { new Color(30, 160, 80), new Color(140, 60, 180) };
		int c = 0;
		for (Map<String, Object> peer : this.peers) {
			Object x = peer.get("deliveredPerSec");
			if (x instanceof Double dx && peer.get("p99ms") instanceof Double p99) {
				series.add(new Chart.Series(peer.get("peer") + " p99 (peer)", peerColors[c++ % 2],
						List.of(new double[] { dx, p99 }), false));
			}
		}
		return series;
	}

	private static String f(double v) {
		return Double.isNaN(v) ? "–" : String.format("%.1f", v);
	}

	private static String num(Object o) {
		return (o instanceof Double d) ? String.format("%,.0f", d) : String.valueOf(o);
	}

	private static String pct(Map<String, Object> peer) {
		if (peer.get("delivered") instanceof Double d && peer.get("expected") instanceof Double e && e > 0) {
			return String.format("%.2f", 100 * d / e);
		}
		return "?";
	}

	static String run(Path dir, String... command) {
		try {
			Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
			String out = new String(p.getInputStream().readAllBytes()).trim();
			p.waitFor(30, TimeUnit.SECONDS);
			return out;
		}
		catch (IOException | InterruptedException ex) {
			return "unknown";
		}
	}

	private static String cpuModel() {
		String line = grep("/proc/cpuinfo", "model name");
		return line.contains(":") ? line.substring(line.indexOf(':') + 1).trim() : line;
	}

	private static String grep(String file, String prefix) {
		try {
			for (String line : Files.readAllLines(Path.of(file))) {
				if (line.startsWith(prefix)) {
					return line.substring(prefix.length()).trim().replaceAll("\\s+", " ");
				}
			}
		}
		catch (IOException ex) {
			// not Linux
		}
		return "unknown";
	}

}
