package io.stompchat.system;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The HTTP session store as requests and STOMP frames see it: Spring Session's JDBC
 * repository, except that an access moves a session's stored last-access time only when
 * the stored one is older than the touch interval (a quarter of the session timeout, at
 * most a minute). A session still expires after its timeout without use, give or take
 * that interval; attributes, new sessions, id changes and deletions are written as
 * before. Without this every request (a history page, the room list) wrote the session
 * row and waited for that commit: 3.8 ms of a 12 ms history page on PostgreSQL, whose
 * commit waits for the disk.
 * <p>
 * Spring Session's JDBC repository is made here rather than by Boot, whose configuration
 * steps aside once any session repository is defined: the tables are Flyway's
 * ({@code V5__spring_session.sql}), the timeout is
 * {@code server.servlet.session.timeout}, expired sessions are deleted every minute,
 * attributes are Java-serialized with the application's class loader, as Spring Session's
 * own JDBC configuration does. Its statements run in plain JDBC transactions on the
 * application's data source, not in JPA ones: every request reads its session, and a JPA
 * transaction opened and closed a Hibernate session around that read (a third of what the
 * read cost in the profile of {@code GET /api/me}). Inside a JPA transaction they join
 * it, as before.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
public class SessionStore {

	/**
	 * How stale a session's stored last access may be before an access writes it.
	 * @param sessionTimeout the session timeout
	 * @return a quarter of the timeout, at most a minute
	 */
	public static Duration touchInterval(Duration sessionTimeout) {
		Duration quarter = sessionTimeout.dividedBy(4);
		return (quarter.compareTo(Duration.ofMinutes(1)) > 0) ? Duration.ofMinutes(1) : quarter;
	}

	@Bean
	JdbcIndexedSessionRepository jdbcSessions(DataSource dataSource,
			@Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
		JdbcIndexedSessionRepository sessions = new JdbcIndexedSessionRepository(new JdbcTemplate(dataSource),
				new TransactionTemplate(new JdbcTransactionManager(dataSource)));
		sessions.setDefaultMaxInactiveInterval(sessionTimeout);
		ClassLoader classLoader = SessionStore.class.getClassLoader();
		GenericConversionService attributes = new GenericConversionService();
		attributes.addConverter(Object.class, byte[].class, new SerializingConverter());
		attributes.addConverter(byte[].class, Object.class, new DeserializingConverter(classLoader));
		sessions.setConversionService(attributes);
		return sessions;
	}

	@Bean
	@Primary
	LazyTouchSessions lazyTouchSessions(JdbcIndexedSessionRepository sessions,
			@Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
		return new LazyTouchSessions(sessions, touchInterval(sessionTimeout));
	}

	/**
	 * Delegates to the stored sessions, handing out sessions that ignore a last-access
	 * time within the interval of the stored one.
	 */
	static final class LazyTouchSessions implements FindByIndexNameSessionRepository<LazyTouchSession> {

		private final FindByIndexNameSessionRepository<Session> sessions;

		private final Duration interval;

		@SuppressWarnings("unchecked")
		LazyTouchSessions(FindByIndexNameSessionRepository<? extends Session> sessions, Duration interval) {
			this.sessions = (FindByIndexNameSessionRepository<Session>) sessions;
			this.interval = interval;
		}

		@Override
		public LazyTouchSession createSession() {
			return new LazyTouchSession(this.sessions.createSession(), this.interval);
		}

		@Override
		public void save(LazyTouchSession session) {
			this.sessions.save(session.stored);
		}

		@Override
		public LazyTouchSession findById(String id) {
			Session stored = this.sessions.findById(id);
			return (stored != null) ? new LazyTouchSession(stored, this.interval) : null;
		}

		@Override
		public void deleteById(String id) {
			this.sessions.deleteById(id);
		}

		@Override
		public Map<String, LazyTouchSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			Map<String, LazyTouchSession> found = new LinkedHashMap<>();
			this.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
				.forEach((id, stored) -> found.put(id, new LazyTouchSession(stored, this.interval)));
			return found;
		}

	}

	/**
	 * A stored session whose last-access time moves only by at least the interval.
	 */
	static final class LazyTouchSession implements Session {

		private final Session stored;

		private final Duration interval;

		LazyTouchSession(Session stored, Duration interval) {
			this.stored = stored;
			this.interval = interval;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			if (Duration.between(this.stored.getLastAccessedTime(), lastAccessedTime).compareTo(this.interval) >= 0) {
				this.stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			return this.stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
