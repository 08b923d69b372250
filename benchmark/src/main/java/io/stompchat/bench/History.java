package io.stompchat.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

/**
 * Reading history from a room with many stored messages: REST pages at random points
 * ({@code before=}), the latest page, history on subscribe, and search (once the server has it).
 * Requests go one after another (each latency is one request alone).
 */
final class History {

	private static final Pattern SEQ = Pattern.compile("\"seq\"\\s*:\\s*(\\d+)");

	private History() {
	}

	static void run(Settings s, HttpClient http, Server server, Report report) throws Exception {
		int messages = s.integer("messages", 100000);
		int requests = s.integer("requests", 500);
		String loader = s.text("loader", "jdbc");
		String room = "bench-history-" + messages;
		SignIn signIn = new SignIn(http, server.url);
		SignIn.Session user = signIn.user("bench_0");
		signIn.createRoom(user, room);
		long last = lastSeq(signIn, user, room);
		if (last < messages) {
			long t0 = System.nanoTime();
			if (loader.equals("jdbc")) {
				String jdbc = s.text("jdbc-url", server.jdbcUrl);
				if (jdbc == null) {
					throw new IllegalArgumentException("--loader jdbc against a running server needs --jdbc-url");
				}
				loadByJdbc(jdbc, s.text("jdbc-user", "sa"), s.text("jdbc-password", ""), room, last, messages - last);
				report.notes.add("History loader: " + (messages - last) + " messages written straight into the "
						+ "database over JDBC (" + jdbc + "), using the schema of src/main/resources/db/migration; "
						+ "the room's last_seq was moved to match. Not through the server's posting path.");
			}
			else {
				loadByStomp(http, server, user, room, messages - last);
				report.notes.add("History loader: " + (messages - last) + " messages sent over STOMP.");
			}
			Log.info("loaded %d messages in %.1f s", messages - last, (System.nanoTime() - t0) / 1e9);
			last = lastSeq(signIn, user, room);
		}
		report.setting("history", Map.of("room", room, "storedSeq", last, "requests", requests, "loader", loader));
		Map<String, Object> r = new LinkedHashMap<>();
		// warm-up: the same requests once
		Log.info("history warm-up: %d REST pages", requests);
		restPages(signIn, user, room, last, requests);
		Log.info("history measured pass");
		r.put("restPageBefore", summary(restPages(signIn, user, room, last, requests)));
		r.put("restLatestPage", summary(timed(requests, () -> {
			expectOk(signIn.get("/api/rooms/" + room + "/messages?limit=50", user.cookie()));
		})));
		r.put("historyOnSubscribe", summary(historyOnSubscribe(http, server, user, room, requests * 2)));
		HttpResponse<String> probe = signIn.get("/api/search?q=bench&room=" + room, user.cookie());
		if (probe.statusCode() == 200) {
			r.put("search", summary(timed(requests, () -> {
				String q = "bench " + ThreadLocalRandom.current().nextInt(messages);
				expectOk(signIn.get("/api/search?room=" + room + "&q=" + q.replace(" ", "%20"), user.cookie()));
			})));
			// a word of every line: the newest page comes first, whatever the index
			r.put("searchCommonWord", summary(timed(requests, () -> {
				expectOk(signIn.get("/api/search?room=" + room + "&q=realistic", user.cookie()));
			})));
			// in no line: the whole room is looked at (by the index when there is one)
			r.put("searchNoMatch", summary(timed(requests, () -> {
				String q = "zq" + ThreadLocalRandom.current().nextInt(1000) + "x";
				expectOk(signIn.get("/api/search?room=" + room + "&q=" + q, user.cookie()));
			})));
		}
		else {
			r.put("search", "not measured: GET /api/search answered " + probe.statusCode() + " (search comes with a later issue)");
		}
		report.results.put("history", r);
		Log.info("history: %s", r);
	}

	private static Histogram restPages(SignIn signIn, SignIn.Session user, String room, long last, int requests)
			throws Exception {
		return timed(requests, () -> {
			long before = 2 + ThreadLocalRandom.current().nextLong(Math.max(1, last - 1));
			expectOk(signIn.get("/api/rooms/" + room + "/messages?before=" + before + "&limit=50", user.cookie()));
		});
	}

	private static Histogram historyOnSubscribe(HttpClient http, Server server, SignIn.Session user, String room,
			int requests) throws Exception {
		Client c = Client.connect(http, server.url, user, new Meter(), 0).get(60, TimeUnit.SECONDS);
		Histogram h = new Histogram(3_600_000_000L, 3);
		try {
			for (int i = 0; i < requests; i++) {
				long before = c.historyReplies.get();
				long t0 = Clock.micros();
				c.subscribe("h" + i, "/app/room." + room + ".history");
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (c.historyReplies.get() == before) {
					if (System.nanoTime() > deadline) {
						throw new IllegalStateException("no history reply in 30 s");
					}
					Thread.onSpinWait();
				}
				if (i >= requests / 2) { // the first half warms up
					h.recordValue(Math.max(1, c.lastHistoryMicros - t0));
				}
				c.unsubscribe("h" + i);
			}
		}
		finally {
			c.close();
		}
		return h;
	}

	interface Call {

		void call() throws Exception;

	}

	static Histogram timed(int n, Call call) throws Exception {
		Histogram h = new Histogram(3_600_000_000L, 3);
		for (int i = 0; i < n; i++) {
			long t0 = System.nanoTime();
			call.call();
			h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
		}
		return h;
	}

	static Map<String, Object> summary(Histogram h) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("count", h.getTotalCount());
		m.put("p50ms", h.getValueAtPercentile(50) / 1000.0);
		m.put("p99ms", h.getValueAtPercentile(99) / 1000.0);
		m.put("maxms", h.getMaxValue() / 1000.0);
		return m;
	}

	private static void expectOk(HttpResponse<String> r) {
		if (r.statusCode() != 200) {
			throw new IllegalStateException("history request: " + r.statusCode() + " " + r.body());
		}
	}

	private static long lastSeq(SignIn signIn, SignIn.Session user, String room) throws Exception {
		HttpResponse<String> r = signIn.get("/api/rooms/" + room + "/messages?limit=1", user.cookie());
		expectOk(r);
		Matcher m = SEQ.matcher(r.body());
		return m.find() ? Long.parseLong(m.group(1)) : 0;
	}

	private static void loadByJdbc(String url, String username, String password, String room, long last, long count)
			throws Exception {
		try (Connection db = DriverManager.getConnection(url, username, password)) {
			db.setAutoCommit(false);
			long seq;
			try (PreparedStatement lock = db.prepareStatement("select last_seq from rooms where id = ? for update")) {
				lock.setString(1, room);
				try (ResultSet rs = lock.executeQuery()) {
					rs.next();
					seq = rs.getLong(1);
				}
			}
			OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(count);
			try (PreparedStatement insert = db.prepareStatement("insert into messages (room_id, seq, type, sender, text, "
					+ "sent_at, client_id) values (?, ?, 'CHAT', 'bench_0', ?, ?, null)")) {
				for (long i = 1; i <= count; i++) {
					insert.setString(1, room);
					insert.setLong(2, seq + i);
					insert.setString(3, "bench " + (seq + i) + " history line of a realistic length, say sixty chars");
					insert.setObject(4, at.plusNanos(i * 1000));
					insert.addBatch();
					if (i % 5000 == 0 || i == count) {
						insert.executeBatch();
						db.commit();
						if (i % 100000 == 0) {
							Log.info("loaded %d", i);
						}
					}
				}
			}
			try (PreparedStatement update = db
				.prepareStatement("update rooms set last_seq = ?, last_line_seq = ?, last_activity_at = ? where id = ?")) {
				update.setLong(1, seq + count);
				update.setLong(2, seq + count);
				update.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
				update.setString(4, room);
				update.executeUpdate();
			}
			db.commit();
		}
	}

	private static void loadByStomp(HttpClient http, Server server, SignIn.Session user, String room, long count)
			throws Exception {
		Client c = Client.connect(http, server.url, user, new Meter(), 0).get(60, TimeUnit.SECONDS);
		try {
			String run = Long.toString(System.currentTimeMillis(), 36);
			for (long i = 0; i < count; i++) {
				c.chat(room, Clock.micros(), "load-" + run + "-" + i);
				if (i % 1000 == 999) {
					Thread.sleep(100);
				}
			}
			Thread.sleep(2000);
		}
		finally {
			c.close();
		}
	}

}
