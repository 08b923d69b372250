package io.stompchat.message;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.Statement;

import io.stompchat.support.Instances;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Search and erasure on a real PostgreSQL, migrated from the same scripts as H2: the
 * migration created {@code pg_trgm} and the GIN index that serves {@code ilike '%…%'}.
 */
class SearchPostgresIntegrationTests extends SearchScenarios {

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext instance;

	@BeforeAll
	static void start() throws IOException {
		postgres = EmbeddedPostgres.start();
		instance = Instances.start("spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"spring.datasource.username=postgres", "spring.datasource.password=postgres");
	}

	@AfterAll
	static void stop() throws IOException {
		Instances.close(instance);
		if (postgres != null) {
			postgres.close();
		}
	}

	@Override
	int port() {
		return Instances.port(instance);
	}

	@Override
	MessagePosting posting() {
		return instance.getBean(MessagePosting.class);
	}

	@Override
	JdbcTemplate jdbc() {
		return instance.getBean(JdbcTemplate.class);
	}

	@Test
	void theTrigramIndexServesSearch() {
		assertThat(jdbc().queryForObject("select count(*) from pg_extension where extname = 'pg_trgm'", Integer.class))
			.isOne();
		assertThat(jdbc().queryForObject("select indexdef from pg_indexes where indexname = 'ix_messages_text_trgm'",
				String.class))
			.contains("gin_trgm_ops");
		// on a tiny table a scan is cheaper; forbid it to see that the index can serve
		String plan = jdbc().execute((ConnectionCallback<String>) (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("set enable_seqscan = off");
				statement.execute("set enable_indexscan = off");
				StringBuilder lines = new StringBuilder();
				try (ResultSet rows = statement.executeQuery("explain select m.* from messages m where m.type = 'CHAT'"
						+ " and m.text ilike '%hello%' escape '\\' order by m.id desc limit 21")) {
					while (rows.next()) {
						lines.append(rows.getString(1)).append('\n');
					}
				}
				statement.execute("reset all");
				return lines.toString();
			}
		});
		assertThat(plan).contains("ix_messages_text_trgm");
	}

}
