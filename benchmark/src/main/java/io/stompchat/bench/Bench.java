package io.stompchat.bench;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The benchmark's one command: sets up the server under test (started from the jar or given by
 * URL), runs the chosen workload, optionally the peers, and writes the report.
 */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		Settings s = Settings.parse(args);
		if (s.flag("help") || !s.has("workload")) {
			System.out.println(Settings.USAGE);
			return;
		}
		String workload = s.text("workload", "fanout");
		Path root = Path.of(s.text("root", ".")).toAbsolutePath().normalize();
		Path out = Path.of(s.text("out", "target/bench"));
		Files.createDirectories(out);
		Report report = new Report(name(workload, s), out, root, s);
		ExecutorService listeners = Executors.newFixedThreadPool(s.integer("client-threads", 2));
		HttpClient http = HttpClient.newBuilder().executor(listeners).followRedirects(HttpClient.Redirect.NEVER).build();
		Path work = Files.createTempDirectory("stomp-chat-bench");
		Artemis artemis = null;
		Server server = null;
		try {
			List<String> props = new ArrayList<>(s.list("prop").stream().map((p) -> "--" + p).toList());
			if (s.text("relay", "none").equals("artemis")) {
				artemis = Artemis.start(work.resolve("artemis.log"));
				props.addAll(artemis.relayProperties());
				report.setting("relay", "embedded Artemis (separate JVM), pid " + artemis.pid);
			}
			else if (s.text("relay", "none").equals("rabbitmq")) {
				props.addAll(rabbitmq(s));
				report.setting("relay", "RabbitMQ at 127.0.0.1:" + s.integer("rabbitmq-port", 61613)
						+ " (rabbitmq_stomp, virtual host /)");
			}
			if (s.flag("deflate")) {
				if (workload.equals("slow")) {
					throw new IllegalArgumentException("--deflate: the slow workload needs the JDK client (it stops reading)");
				}
				props.add("--chat.websocket.deflate=true");
				Client.offerDeflate();
				report.setting("deflate", "every connection offers permessage-deflate (Tomcat's WebSocket client) and "
						+ "the server accepts it (chat.websocket.deflate=true)");
			}
			ServerLauncher launcher = new ServerLauncher(root, work, s, props);
			if (!workload.equals("startup")) {
				server = server(s, root, work, props);
				report.server(server);
			}
			switch (workload) {
				case "fanout", "rooms", "slow" -> MessageLoad.run(workload, s, http, server, report);
				case "startup" -> MessageLoad.startup(s, http, launcher, report);
				case "connections" -> IdleConnections.run(s, http, server, report);
				case "history" -> History.run(s, http, server, report);
				case "lobby" -> Lobby.run(s, http, server, report);
				default -> throw new IllegalArgumentException("unknown workload " + workload + "\n" + Settings.USAGE);
			}
		}
		finally {
			if (server != null) {
				server.close();
			}
			if (artemis != null) {
				artemis.close();
			}
		}
		if (s.flag("peers")) {
			Path script = Path.of(s.text("peers-script", "/work/shared/peers/run.sh"));
			report.peers.addAll(Peers.run(script, s.integer("subscribers", 200), s.rates(100).get(0),
					s.integer("seconds", 10)));
			report.notes.add("Peers: " + script + " (their load generator is Node; their CPU figure covers the "
					+ "window plus a 3 s drain; one publisher, the others subscribe).");
		}
		Path json = report.write();
		Log.info("wrote %s and %s.md/.png under %s", json, report.runName(), out);
		listeners.shutdownNow();
		System.exit(0);
	}

	private static Server server(Settings s, Path root, Path work, List<String> props) throws Exception {
		if (s.has("url")) {
			if (!s.has("server-pid")) {
				Log.info("no --server-pid: server CPU will not be reported");
			}
			return Server.attach(URI.create(s.text("url", "")), Long.parseLong(s.text("server-pid", "-1")));
		}
		return new ServerLauncher(root, work, s, props).start();
	}

	/** The relay properties for a RabbitMQ already running here with its STOMP plugin. */
	private static List<String> rabbitmq(Settings s) throws IOException {
		int port = s.integer("rabbitmq-port", 61613);
		try (Socket probe = new Socket("127.0.0.1", port)) {
			Log.info("RabbitMQ's STOMP port %d answers", port);
		}
		catch (IOException ex) {
			throw new IOException("--relay rabbitmq: nothing listens on 127.0.0.1:" + port + " (install rabbitmq-server, "
					+ "rabbitmq-plugins enable rabbitmq_stomp, rabbitmq-server -detached)", ex);
		}
		return List.of("--chat.broker.relay.enabled=true", "--chat.broker.relay.host=127.0.0.1",
				"--chat.broker.relay.port=" + port);
	}

	private static String name(String workload, Settings s) {
		return switch (workload) {
			case "fanout", "slow" -> workload + "-" + s.integer("subscribers", 200) + "x"
					+ s.text("rates", s.text("rate", "100")).replace(',', '-')
					+ (s.text("relay", "none").equals("none") ? "" : "-relay-" + s.text("relay", ""))
					+ (s.flag("deflate") ? "-deflate" : "");
			case "rooms", "startup" -> workload + "-" + s.integer("rooms", 100) + "x" + s.integer("members", 10);
			case "connections" -> workload + "-" + s.integer("connections", 10000);
			case "history" -> workload + "-" + s.integer("messages", 100000);
			case "lobby" -> workload + "-" + s.integer("rooms", 200) + "x" + s.integer("users", 10000);
			default -> workload;
		};
	}

	/** Starts the server from the jar of the checkout, with the run's JVM flags and properties. */
	record ServerLauncher(Path root, Path work, Settings s, List<String> props) {

		Server start() throws Exception {
			List<String> jvm = Arrays.stream(this.s.text("jvm", "-Xmx1g").split(" ")).filter((f) -> !f.isBlank()).toList();
			Path jar = Server.findJar(this.root);
			Log.info("starting %s", jar);
			long t0 = System.nanoTime();
			Server server = Server.start(jar, this.work.resolve("data"), jvm, this.props,
					this.work.resolve("server.log"));
			Log.info("server up at %s (pid %d) in %.1f s; log %s", server.url, server.pid, (System.nanoTime() - t0) / 1e9,
					this.work.resolve("server.log"));
			return server;
		}

	}

}
