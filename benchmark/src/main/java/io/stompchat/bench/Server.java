package io.stompchat.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under test: one this benchmark started from the built jar (temp-dir H2, limits raised,
 * given JVM flags) or a running one given by URL and pid. Reads its CPU, RSS and heap from outside.
 */
final class Server implements AutoCloseable {

	/**
	 * The limits a load generator would hit (signed in from one address, one user sending 100 msg/s),
	 * raised; recorded in every run's output.
	 */
	static final List<String> RAISED_LIMITS = List.of("--chat.limits.connections-per-user=100000",
			"--chat.limits.connections-per-address=1000000", "--chat.limits.messages-per-window=100000000",
			"--chat.limits.sends-per-window=100000000", "--chat.login.max-failures=1000000",
			"--chat.login.max-failures-per-address=1000000");

	final URI url;

	final long pid;

	final List<String> command;

	final Path dataDir;

	final String jdbcUrl;

	private final Process process;

	private Server(URI url, long pid, List<String> command, Path dataDir, String jdbcUrl, Process process) {
		this.url = url;
		this.pid = pid;
		this.command = command;
		this.dataDir = dataDir;
		this.jdbcUrl = jdbcUrl;
		this.process = process;
	}

	static Server attach(URI url, long pid) {
		return new Server(url, pid, List.of(), null, null, null);
	}

	/** Starts {@code java [jvmFlags] -jar jar} on a free port with an H2 file database in {@code dataDir}. */
	static Server start(Path jar, Path dataDir, List<String> jvmFlags, List<String> extraProperties, Path log)
			throws IOException, InterruptedException {
		int port = freePort();
		Files.createDirectories(dataDir);
		String jdbc = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("stomp-chat") + ";AUTO_SERVER=TRUE";
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmFlags);
		command.add("-jar");
		command.add(jar.toString());
		command.add("--server.port=" + port);
		command.add("--spring.datasource.url=" + jdbc);
		command.addAll(RAISED_LIMITS);
		command.addAll(extraProperties);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.directory(dataDir.toFile())
			.start();
		URI url = URI.create("http://127.0.0.1:" + port);
		Server server = new Server(url, process.pid(), command, dataDir, jdbc, process);
		server.awaitUp(Duration.ofSeconds(180), log);
		return server;
	}

	void awaitUp(Duration timeout, Path log) throws InterruptedException {
		HttpClient http = HttpClient.newHttpClient();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.process != null && !this.process.isAlive()) {
				throw new IllegalStateException("the server exited; see " + log);
			}
			try {
				HttpResponse<Void> r = http.send(HttpRequest.newBuilder(this.url.resolve("/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not yet listening
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the server did not come up; see " + log);
	}

	boolean started() {
		return this.process != null;
	}

	/** utime + stime of the server process, in nanoseconds (from /proc; clock ticks of 10 ms). */
	long cpuNanos() {
		return cpuNanos(this.pid);
	}

	static long cpuNanos(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
			String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/**
	 * utime + stime of the server's JIT compiler threads ({@code C1/C2 CompilerThread}), in
	 * nanoseconds: on a 2-core box the JIT can take much of the first minutes, and this
	 * tells it apart from the chat's own work.
	 * @param pid the server process
	 * @return the compiler threads' CPU, or -1 when unknown
	 */
	static long jitCpuNanos(long pid) {
		try (java.util.stream.Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
			long ticks = 0;
			for (Path task : (Iterable<Path>) tasks::iterator) {
				try {
					String stat = Files.readString(task.resolve("stat"));
					String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
					if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
						String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
					}
				}
				catch (IOException ex) {
					// the thread ended
				}
			}
			return ticks * 10_000_000L;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** Resident set size in bytes (VmRSS). */
	long rssBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + this.pid + "/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
		}
		catch (IOException ex) {
			// gone
		}
		return -1;
	}

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	/** Heap in use (bytes) from {@code jcmd GC.heap_info}, after a full GC when {@code gcFirst}. */
	long heapUsedBytes(boolean gcFirst) {
		try {
			if (gcFirst) {
				jcmd("GC.run");
			}
			Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
			return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
		}
		catch (IOException | InterruptedException ex) {
			return -1;
		}
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		Process p = new ProcessBuilder(jcmd, Long.toString(this.pid), command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes());
		p.waitFor(30, TimeUnit.SECONDS);
		return out;
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process != null) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

	static int freePort() throws IOException {
		try (ServerSocket s = new ServerSocket(0)) {
			return s.getLocalPort();
		}
	}

	static Path findJar(Path root) throws IOException {
		File[] jars = root.resolve("target")
			.toFile()
			.listFiles((dir, name) -> name.startsWith("stomp-chat-") && name.endsWith(".jar")
					&& !name.endsWith("-plain.jar") && !name.contains("original"));
		if (jars == null || jars.length == 0) {
			throw new IllegalStateException(
					"no target/stomp-chat-*.jar under " + root + ": run ./mvnw -o -q -DskipTests package first");
		}
		return jars[0].toPath();
	}

}
