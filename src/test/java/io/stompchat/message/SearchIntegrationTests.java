package io.stompchat.message;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Search and erasure on H2, the default database: a plain scan.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchIntegrationTests extends SearchScenarios {

	@LocalServerPort
	int port;

	@Autowired
	MessagePosting posting;

	@Autowired
	JdbcTemplate jdbc;

	@Override
	int port() {
		return this.port;
	}

	@Override
	MessagePosting posting() {
		return this.posting;
	}

	@Override
	JdbcTemplate jdbc() {
		return this.jdbc;
	}

}
