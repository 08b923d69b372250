package io.stompchat.system;

import java.io.IOException;
import java.util.UUID;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway's one script for Spring Session's tables (V5) serves H2 and PostgreSQL alike:
 * after migrating, Spring Session stores a session with an attribute and reads it back.
 */
class SessionTablesTests {

	@Test
	void sessionsAreStoredInH2() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:session-tables-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		assertStoresSessions(h2);
	}

	@Test
	void sessionsAreStoredInPostgresql() throws IOException {
		try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
			assertStoresSessions(postgres.getPostgresDatabase());
		}
	}

	private static void assertStoresSessions(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).load().migrate();
		roundTrip(new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				new TransactionTemplate(new JdbcTransactionManager(dataSource))));
	}

	private static <S extends Session> void roundTrip(FindByIndexNameSessionRepository<S> sessions) {
		S session = sessions.createSession();
		session.setAttribute("greeting", "hello");
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, "alice");
		sessions.save(session);
		S found = sessions.findById(session.getId());
		assertThat(found).isNotNull();
		assertThat((String) found.getAttribute("greeting")).isEqualTo("hello");
		assertThat(sessions.findByPrincipalName("alice")).containsKey(session.getId());
		sessions.deleteById(session.getId());
		assertThat(sessions.findById(session.getId())).isNull();
	}

}
