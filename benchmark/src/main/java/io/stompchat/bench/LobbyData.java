package io.stompchat.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Writes a lobby straight into the server's database over JDBC, the way the server would have
 * written it: accounts {@code bench_1…} (the password hash of {@code bench_0}, so each could sign
 * in), every account a member of {@code general} without a JOIN line, PUBLIC and PRIVATE groups
 * whose members each have a JOIN line and a read marker starting just before it, DIRECT rooms of
 * {@code bench_0} with one other user (no JOIN lines), CHAT lines with mentions stored as
 * {@code ,name,}, and each room's {@code last_seq}, {@code last_line_seq} and
 * {@code last_activity_at} moved to its last line (and its {@code member_count}, when the schema
 * has one). {@code bench_0} is a member of every room; its
 * read marker is at the end in a third of them, half-way in a third, at its JOIN in the rest.
 */
final class LobbyData {

	static final String ME = "bench_0";

	/** Group room ids are {@code lobby-<n>}; the first tells whether a lobby was loaded already. */
	static final String FIRST_GROUP = "lobby-0";

	private static final long LINE_GAP_SECONDS = 60;

	private final Connection db;

	private final Random random = new Random(12);

	private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);

	private final Map<String, Long> counts = new LinkedHashMap<>();

	private final List<Object[]> accounts = new ArrayList<>();

	private final List<Object[]> rooms = new ArrayList<>();

	private final List<Object[]> members = new ArrayList<>();

	private final List<Object[]> markers = new ArrayList<>();

	private final List<Object[]> lines = new ArrayList<>();

	private LobbyData(Connection db) {
		this.db = db;
	}

	/**
	 * Loads the lobby unless it is there.
	 * @param url the server's database
	 * @param username its user
	 * @param password its password
	 * @param rooms the conversations of {@code bench_0}, {@code general} included
	 * @param users the accounts, {@code bench_0} included (it must exist)
	 * @param roomsPerUser the groups each other user is a member of (besides {@code general})
	 * @return what was written, or empty when the lobby was there
	 */
	static Map<String, Long> load(String url, String username, String password, int rooms, int users,
			int roomsPerUser) throws SQLException {
		try (Connection db = DriverManager.getConnection(url, username, password)) {
			db.setAutoCommit(false);
			LobbyData data = new LobbyData(db);
			if (data.exists()) {
				return Map.of();
			}
			data.write(rooms, users, roomsPerUser);
			db.commit();
			return data.counts;
		}
	}

	private boolean exists() throws SQLException {
		try (PreparedStatement q = this.db.prepareStatement("select count(*) from rooms where id = ?")) {
			q.setString(1, FIRST_GROUP);
			try (ResultSet rs = q.executeQuery()) {
				rs.next();
				return rs.getLong(1) > 0;
			}
		}
	}

	private void write(int rooms, int users, int roomsPerUser) throws SQLException {
		int created = rooms - 1;
		int direct = created / 7;
		int groups = created - direct;
		long generalSeq = single("select last_seq from rooms where id = 'general'");
		String hash = text("select password_hash from accounts where username_key = '" + ME + "'");
		OffsetDateTime signedUp = this.now.minusDays(30);
		for (int u = 1; u < users; u++) {
			String name = "bench_" + u;
			OffsetDateTime at = signedUp.plusNanos(u * 1_000_000L);
			this.accounts.add(new Object[] { name, name, hash, at });
			this.members.add(new Object[] { "general", name, "MEMBER", at });
			this.markers.add(new Object[] { "general", name, generalSeq });
		}
		List<Set<String>> groupMembers = spread(groups, users, roomsPerUser);
		for (int g = 0; g < groups; g++) {
			boolean open = g % 4 != 3;
			String id = "lobby-" + g;
			List<String> who = new ArrayList<>(groupMembers.get(g));
			OffsetDateTime start = roomStart(who.size());
			Map<String, Long> joinedAt = new LinkedHashMap<>();
			long seq = 0;
			for (String member : who) {
				OffsetDateTime at = start.plusSeconds(seq * LINE_GAP_SECONDS);
				this.members.add(new Object[] { id, member, (seq == 0) ? "OWNER" : "MEMBER", at });
				// the marker starts at the room's last seq when the membership starts, before the JOIN
				joinedAt.put(member, seq);
				this.lines.add(new Object[] { id, ++seq, "JOIN", member, null, at, null });
			}
			long last = chats(id, who, seq, start);
			this.rooms.add(new Object[] { id, "Lobby " + g, open ? "lobby " + g : null, open ? "PUBLIC" : "PRIVATE",
					null, last, last, start.plusSeconds((last - 1) * LINE_GAP_SECONDS), start });
			joinedAt.forEach((member, from) -> this.markers.add(new Object[] { id, member, read(id, member, from, last) }));
		}
		for (int d = 0; d < direct; d++) {
			String other = "bench_" + (1 + d * (users - 1) / Math.max(1, direct));
			String id = "dm-" + HexFormat.of().toHexDigits(this.random.nextLong());
			OffsetDateTime start = roomStart(0);
			List<String> pair = List.of(ME, other);
			long last = chats(id, pair, 0, start);
			String key = (ME.compareTo(other) < 0) ? ME + " " + other : other + " " + ME;
			this.rooms.add(new Object[] { id, ME + " " + other, null, "DIRECT", key, last, last,
					start.plusSeconds((last - 1) * LINE_GAP_SECONDS), start });
			for (String member : pair) {
				this.members.add(new Object[] { id, member, "MEMBER", start });
				this.markers.add(new Object[] { id, member, read(id, member, 0, last) });
			}
		}
		OffsetDateTime generalStart = this.now.minusHours(1).minusSeconds(generalSeq * LINE_GAP_SECONDS);
		List<String> talkers = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			talkers.add("bench_" + this.random.nextInt(users));
		}
		long generalLast = chats("general", talkers, generalSeq, generalStart);
		insert("insert into accounts (username, username_key, password_hash, created_at) values (?, ?, ?, ?)",
				this.accounts);
		insert("insert into rooms (id, name, name_key, kind, direct_key, last_seq, last_line_seq, last_activity_at,"
				+ " created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", this.rooms);
		insert("insert into room_members (room_id, username, role, joined_at) values (?, ?, ?, ?)", this.members);
		insert("insert into read_markers (room_id, username, seq) values (?, ?, ?)", this.markers);
		insert("insert into messages (room_id, seq, type, sender, text, sent_at, client_id, mentions)"
				+ " values (?, ?, ?, ?, ?, ?, null, ?)", this.lines);
		try (PreparedStatement update = this.db.prepareStatement(
				"update rooms set last_seq = ?, last_line_seq = ?, last_activity_at = ? where id = 'general'")) {
			update.setLong(1, generalLast);
			update.setLong(2, generalLast);
			update.setObject(3, generalStart.plusSeconds((generalLast - 1) * LINE_GAP_SECONDS));
			update.executeUpdate();
		}
		try (PreparedStatement update = this.db
			.prepareStatement("update read_markers set seq = ? where room_id = 'general' and username = ?")) {
			update.setLong(1, read("general", ME, generalSeq, generalLast));
			update.setString(2, ME);
			update.executeUpdate();
		}
		if (hasColumn("rooms", "member_count")) {
			// kept by the server on every membership change (V8): counted again for every room here
			try (PreparedStatement update = this.db.prepareStatement("update rooms set member_count ="
					+ " (select count(*) from room_members m where m.room_id = rooms.id)")) {
				update.executeUpdate();
			}
		}
		this.counts.put("accounts", (long) this.accounts.size());
		this.counts.put("groupRooms", (long) groups);
		this.counts.put("directRooms", (long) direct);
		this.counts.put("memberships", (long) this.members.size() + 1);
		this.counts.put("lines", (long) this.lines.size());
	}

	/**
	 * Which groups each user is in: {@code bench_0} in all, every other user in
	 * {@code roomsPerUser} of them, drawn so that low-numbered groups are bigger (a few large
	 * rooms, many small ones); each group has at least two members.
	 */
	private List<Set<String>> spread(int groups, int users, int roomsPerUser) {
		List<Set<String>> members = new ArrayList<>();
		for (int g = 0; g < groups; g++) {
			members.add(new LinkedHashSet<>());
			if (g % 3 == 0) {
				members.get(g).add(ME); // the owner: bench_0 created a third of its groups
			}
		}
		for (int u = 1; u < users; u++) {
			Set<Integer> mine = new LinkedHashSet<>();
			while (mine.size() < Math.min(roomsPerUser, groups)) {
				double r = this.random.nextDouble();
				mine.add((int) (groups * r * r));
			}
			for (int g : mine) {
				members.get(g).add("bench_" + u);
			}
		}
		for (int g = 0; g < groups; g++) {
			members.get(g).add(ME);
			if (members.get(g).size() < 2) {
				members.get(g).add("bench_" + (1 + g % (users - 1)));
			}
		}
		return members;
	}

	/** 20 to 50 CHAT lines by the given members; one in eight mentions bench_0, one in ten someone else. */
	private long chats(String room, List<String> who, long seq, OffsetDateTime start) {
		int n = 20 + this.random.nextInt(31);
		for (int i = 0; i < n; i++) {
			String sender = (this.random.nextInt(10) == 0) ? ME : who.get(this.random.nextInt(who.size()));
			String mention = null;
			int pick = this.random.nextInt(80);
			if (pick < 10 && !sender.equals(ME)) {
				mention = ME;
			}
			else if (pick < 18) {
				String other = who.get(this.random.nextInt(who.size()));
				mention = other.equals(sender) ? null : other;
			}
			seq++;
			String text = ((mention != null) ? "@" + mention + " " : "") + "lobby line " + seq
					+ " of a realistic length, about sixty characters";
			this.lines.add(new Object[] { room, seq, "CHAT", sender, text,
					start.plusSeconds((seq - 1) * LINE_GAP_SECONDS), (mention != null) ? "," + mention + "," : null });
		}
		return seq;
	}

	/**
	 * Where a member's read marker is after some reading: bench_0's at the end in a third of
	 * the rooms, half-way in a third, where it started in the rest; the other members' at a
	 * random point.
	 */
	private long read(String room, String member, long from, long last) {
		if (member.equals(ME)) {
			int third = Math.floorMod(room.hashCode(), 3);
			return (third == 0) ? last : (third == 1) ? (from + last) / 2 : from;
		}
		return this.random.nextBoolean() ? last : from + this.random.nextLong(Math.max(1, last - from));
	}

	/** When a room's first line was written: its last line falls within the past three days. */
	private OffsetDateTime roomStart(int joins) {
		return this.now.minusSeconds(this.random.nextInt(3 * 24 * 3600))
			.minusSeconds((joins + 50L) * LINE_GAP_SECONDS);
	}

	/** Inserts rows in batches of 5,000. */
	private void insert(String sql, List<Object[]> rows) throws SQLException {
		try (PreparedStatement insert = this.db.prepareStatement(sql)) {
			int pending = 0;
			for (Object[] row : rows) {
				for (int i = 0; i < row.length; i++) {
					insert.setObject(i + 1, row[i]);
				}
				insert.addBatch();
				if (++pending == 5000) {
					insert.executeBatch();
					pending = 0;
				}
			}
			if (pending > 0) {
				insert.executeBatch();
			}
		}
	}

	private boolean hasColumn(String table, String column) throws SQLException {
		for (String[] names : new String[][] { { table, column }, { table.toUpperCase(), column.toUpperCase() } }) {
			try (ResultSet rs = this.db.getMetaData().getColumns(null, null, names[0], names[1])) {
				if (rs.next()) {
					return true;
				}
			}
		}
		return false;
	}

		private long single(String sql) throws SQLException {
		try (PreparedStatement q = this.db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private String text(String sql) throws SQLException {
		try (PreparedStatement q = this.db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
			if (!rs.next()) {
				throw new IllegalStateException("no row for " + sql);
			}
			return rs.getString(1);
		}
	}

}
