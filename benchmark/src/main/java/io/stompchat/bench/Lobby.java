package io.stompchat.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lobby of a user in many rooms among many users: {@code GET /api/rooms} for
 * {@code bench_0}, requests one after another, beside {@code GET /api/me} as the fixed cost of
 * any signed-in request (the session read from the database, security). The accounts, rooms,
 * memberships, lines and read markers are written over JDBC ({@link LobbyData}); some other
 * users sign in and join their rooms over STOMP so that online counts are not all zero.
 */
final class Lobby {

	private static final Pattern ROOM_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private Lobby() {
	}

	static void run(Settings s, HttpClient http, Server server, Report report) throws Exception {
		int rooms = s.integer("rooms", 200);
		int users = s.integer("users", 10000);
		int requests = s.integer("requests", 500);
		// the warm-up pass: by default the same requests once; the C2 compiler may still be at work after it
		int warmup = s.integer("warmup-requests", requests);
		int roomsPerUser = s.integer("rooms-per-user", 3);
		int online = s.integer("online", 50);
		String jdbc = s.text("jdbc-url", server.jdbcUrl);
		if (jdbc == null) {
			throw new IllegalArgumentException("the lobby workload against a running server needs --jdbc-url");
		}
		String jdbcUser = s.text("jdbc-user", "sa");
		String jdbcPassword = s.text("jdbc-password", "");
		SignIn signIn = new SignIn(http, server.url);
		SignIn.Session me = signIn.user(LobbyData.ME);
		long t0 = System.nanoTime();
		Map<String, Long> written = LobbyData.load(jdbc, jdbcUser, jdbcPassword, rooms, users, roomsPerUser);
		Log.info("lobby data %s in %.1f s", written, (System.nanoTime() - t0) / 1e9);
		report.notes.add(written.isEmpty() ? "Lobby: the data was in the database already (" + jdbc + ")."
				: "Lobby: " + written + " written straight into the database over JDBC (" + jdbc + "), using the "
						+ "schema of src/main/resources/db/migration, as the server would have written them (see "
						+ "LobbyData); not through the server's HTTP or STOMP paths. bench_0 signed up over HTTP.");
		List<Client> clients = goOnline(http, server, signIn, online, jdbc, jdbcUser, jdbcPassword);
		try {
			Map<String, Object> layout = new LinkedHashMap<>();
			layout.put("rooms", rooms);
			layout.put("users", users);
			layout.put("roomsPerUser", roomsPerUser);
			layout.put("online", online);
			layout.put("requests", requests);
			layout.put("warmupRequests", warmup);
			report.setting("lobby", layout);
			Map<String, Object> r = new LinkedHashMap<>();
			History.Call lobby = () -> expectRooms(signIn.get("/api/rooms", me.cookie()), rooms);
			History.Call whoAmI = () -> expectOk(signIn.get("/api/me", me.cookie()));
			// warm-up: the same requests once
			Log.info("lobby warm-up: %d requests of each", warmup);
			History.timed(warmup, whoAmI);
			History.timed(warmup, lobby);
			Log.info("lobby measured pass");
			r.put("me", measured(server, requests, whoAmI));
			r.put("rooms", measured(server, requests, lobby));
			HttpResponse<String> last = signIn.get("/api/rooms", me.cookie());
			r.put("roomsBodyBytes", last.body().length());
			r.put("roomsListed", count(last.body(), "\"unread\""));
			r.put("unreadTotal", sum(last.body(), "unread"));
			r.put("mentionsTotal", sum(last.body(), "mentions"));
			r.put("onlineTotal", sum(last.body(), "online"));
			r.put("membersTotal", sum(last.body(), "members"));
			report.results.put("lobby", r);
			Log.info("lobby: %s", r);
		}
		finally {
			clients.forEach(Client::close);
		}
	}

	/** The summary of {@code n} requests, with the server's CPU per request when its pid is known. */
	private static Map<String, Object> measured(Server server, int n, History.Call call) throws Exception {
		long cpu0 = (server.pid > 0) ? server.cpuNanos() : -1;
		Map<String, Object> m = History.summary(History.timed(n, call));
		if (cpu0 >= 0) {
			m.put("serverCpuMsPerRequest", (server.cpuNanos() - cpu0) / 1e6 / n);
		}
		return m;
	}

	/**
	 * Signs in {@code bench_1…} over HTTP, opens a WebSocket for each and joins every room in
	 * its list, then waits until the server's presence shows them.
	 */
	private static List<Client> goOnline(HttpClient http, Server server, SignIn signIn, int online, String jdbc,
			String jdbcUser, String jdbcPassword) throws Exception {
		List<Client> clients = new ArrayList<>();
		if (online == 0) {
			return clients;
		}
		for (SignIn.Session user : signIn.users("bench_", online + 1, 4)) {
			if (user.username().equals(LobbyData.ME)) {
				continue;
			}
			HttpResponse<String> list = signIn.get("/api/rooms", user.cookie());
			expectOk(list);
			Client c = Client.connect(http, server.url, user, new Meter(), 0).get(60, TimeUnit.SECONDS);
			clients.add(c);
			Matcher m = ROOM_ID.matcher(list.body());
			while (m.find()) {
				c.join(m.group(1));
			}
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		try (Connection db = DriverManager.getConnection(jdbc, jdbcUser, jdbcPassword);
				PreparedStatement q = db.prepareStatement("select count(distinct username) from room_presence")) {
			while (true) {
				try (ResultSet rs = q.executeQuery()) {
					rs.next();
					if (rs.getLong(1) >= online) {
						break;
					}
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("the online users' joins did not show in room_presence in 60 s");
				}
				Thread.sleep(200);
			}
		}
		return clients;
	}

	private static void expectRooms(HttpResponse<String> r, int rooms) {
		expectOk(r);
		int listed = count(r.body(), "\"unread\"");
		if (listed != rooms) {
			throw new IllegalStateException("GET /api/rooms listed " + listed + " rooms, not " + rooms);
		}
	}

	private static void expectOk(HttpResponse<String> r) {
		if (r.statusCode() != 200) {
			throw new IllegalStateException("lobby request: " + r.statusCode() + " " + r.body());
		}
	}

	private static int count(String body, String what) {
		int n = 0;
		for (int at = body.indexOf(what); at >= 0; at = body.indexOf(what, at + what.length())) {
			n++;
		}
		return n;
	}

	private static long sum(String body, String field) {
		Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\d+)").matcher(body);
		long total = 0;
		while (m.find()) {
			total += Long.parseLong(m.group(1));
		}
		return total;
	}

}
