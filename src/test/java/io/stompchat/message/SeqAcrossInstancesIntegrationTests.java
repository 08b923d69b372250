package io.stompchat.message;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.stompchat.support.Instances;
import io.stompchat.support.Postgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the server share one real PostgreSQL (migrated by Flyway from the same
 * scripts as H2) and eight posters write into one room at once: every seq from 1 to N
 * appears exactly once, and a retried clientId is stored once. Posters of several rooms
 * on both instances share batches that lock their rooms' rows, without deadlock or gap.
 */
class SeqAcrossInstancesIntegrationTests {

	private static final int POSTERS = 8;

	private static final int EACH = 25;

	static EmbeddedPostgres postgres;

	static ConfigurableApplicationContext one;

	static ConfigurableApplicationContext two;

	@BeforeAll
	static void start() {
		postgres = Postgres.start();
		one = Instances.start(Postgres.datasource(postgres));
		two = Instances.start(Postgres.datasource(postgres));
	}

	@AfterAll
	static void stop() throws IOException {
		Instances.close(one, two);
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void concurrentPostersOnTwoInstancesGetEverySeqExactlyOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> posters = new ArrayList<>();
		for (int p = 0; p < POSTERS; p++) {
			MessagePosting posting = ((p % 2 == 0) ? one : two).getBean(MessagePosting.class);
			String sender = "poster" + p;
			posters.add(pool.submit(() -> {
				go.await();
				for (int i = 0; i < EACH; i++) {
					posting.chat("general", sender, "line " + i, sender + "-" + i);
				}
				// a retry of the first line, on the other instance as well: stored once
				posting.chat("general", sender, "line 0", sender + "-0");
				return null;
			}));
		}
		go.countDown();
		for (Future<?> poster : posters) {
			poster.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
		List<Long> seqs = jdbc.queryForList("select seq from messages where room_id = 'general' order by seq",
				Long.class);
		assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, POSTERS * EACH).boxed().toList());
		assertThat(jdbc.queryForObject("select last_seq from rooms where id = 'general'", Long.class))
			.isEqualTo(POSTERS * EACH);
		assertThat(jdbc.queryForObject("select count(distinct client_id) from messages where room_id = 'general'",
				Integer.class))
			.isEqualTo(POSTERS * EACH);
		HistoryPage latest = two.getBean(MessageHistory.class).latest("general");
		assertThat(latest.messages()).hasSize(MessageHistory.DEFAULT_LIMIT);
		assertThat(latest.messages().get(latest.messages().size() - 1).seq()).isEqualTo(POSTERS * EACH);
	}

	@Test
	void batchesOfSeveralRoomsOnTwoInstancesNeitherDeadlockNorLeaveGaps() throws Exception {
		JdbcTemplate jdbc = one.getBean(JdbcTemplate.class);
		List<String> rooms = List.of("multi-a", "multi-b", "multi-c", "multi-d");
		rooms.forEach((roomId) -> Postgres.room(jdbc, roomId));
		int posters = 16;
		ExecutorService pool = Executors.newFixedThreadPool(posters);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int p = 0; p < posters; p++) {
			MessagePosting posting = ((p % 2 == 0) ? one : two).getBean(MessagePosting.class);
			String sender = "multi" + p;
			int first = p;
			futures.add(pool.submit(() -> {
				go.await();
				for (int i = 0; i < EACH; i++) {
					// each poster walks the rooms in its own order, so batches lock them
					// in every order
					String roomId = rooms.get(((first % 2 == 0) ? first + i : first - i + 100) % rooms.size());
					posting.chat(roomId, sender, "line " + i, sender + "-" + i);
				}
				return null;
			}));
		}
		go.countDown();
		for (Future<?> future : futures) {
			future.get(2, TimeUnit.MINUTES);
		}
		pool.shutdown();
		long total = 0;
		for (String roomId : rooms) {
			List<Long> seqs = jdbc.queryForList("select seq from messages where room_id = ? order by seq", Long.class,
					roomId);
			assertThat(seqs).as("seqs of %s", roomId)
				.containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
			assertThat(jdbc.queryForObject("select last_seq from rooms where id = ?", Long.class, roomId))
				.isEqualTo(seqs.size());
			total += seqs.size();
		}
		assertThat(total).isEqualTo(posters * EACH);
	}

}
