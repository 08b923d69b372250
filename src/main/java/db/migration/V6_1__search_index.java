package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The index that serves search ({@code text ilike '%…%'}) on PostgreSQL: a
 * {@code pg_trgm} GIN index on the text of CHAT lines. The extension is created where the
 * database allows it; where it does not (not installed, or the user may not create
 * extensions), the migration logs so and succeeds without the index, and search reads the
 * room's lines in id order instead (a sequential scan of the room). On H2 and every other
 * database it does nothing: search is a plain scan there.
 */
public class V6_1__search_index extends BaseJavaMigration {

	private static final Log logger = LogFactory.getLog(V6_1__search_index.class);

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
			return;
		}
		Savepoint beforeExtension = connection.setSavepoint();
		try (Statement statement = connection.createStatement()) {
			statement.execute("create extension if not exists pg_trgm");
		}
		catch (SQLException ex) {
			connection.rollback(beforeExtension);
			logger.warn("pg_trgm is not available (" + ex.getMessage()
					+ "): search works without an index, by scanning each room's lines");
			return;
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("create index ix_messages_text_trgm on messages using gin (text gin_trgm_ops)"
					+ " where type = 'CHAT'");
		}
	}

}
