package io.stompchat.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's benchmark: {@value #USERS} users in one room, each posting {@value #EACH}
 * messages as fast as the server takes them; every user must receive every message.
 * Prints throughput, fan-out latency percentiles (send → arrival at each subscriber) and
 * heap, and appends them to {@code target/benchmark.txt}. Not part of
 * {@code ./mvnw verify}; run it with
 * {@code ./mvnw test -Dtest=ChatBenchmark -DexcludedGroups=none}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "chat.limits.messages-per-window=100000", "chat.limits.sends-per-window=100000" })
class ChatBenchmark {

	static final int USERS = 10;

	static final int EACH = 100;

	@LocalServerPort
	int port;

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "WEBSOCKET", "XHR_STREAMING" })
	void usersChattingInOneRoom(Transport transport) throws Exception {
		ChatUser owner = ChatUser.signUp(this.port, "bench");
		String room = "bench-" + transport.name().toLowerCase().replace('_', '-') + "-" + System.nanoTime() % 100000;
		owner.createRoom(room, room);
		Map<String, Long> sentAt = new ConcurrentHashMap<>();
		List<StompTestClient> clients = new ArrayList<>();
		List<Inbox> inboxes = new ArrayList<>();
		for (int u = 0; u < USERS; u++) {
			StompTestClient client = StompTestClient.connect(ChatUser.signUp(this.port, "bench"), transport);
			inboxes.add(client.subscribeRoom(room));
			clients.add(client);
		}
		System.gc();
		long heapBefore = usedHeap();
		long start = System.nanoTime();
		AtomicInteger ids = new AtomicInteger();
		List<Thread> senders = new ArrayList<>();
		for (StompTestClient client : clients) {
			Thread sender = new Thread(() -> {
				for (int i = 0; i < EACH; i++) {
					String clientId = "b" + ids.incrementAndGet();
					sentAt.put(clientId, System.nanoTime());
					client.send("/app/room." + room + ".chat", StompTestClient.chat("benchmark line " + i, clientId));
				}
			});
			sender.start();
			senders.add(sender);
		}
		for (Thread sender : senders) {
			sender.join();
		}
		int total = USERS * EACH;
		for (Inbox inbox : inboxes) {
			inbox.awaitCount(total);
		}
		long elapsed = System.nanoTime() - start;
		long heapAfter = usedHeap();
		long[] latencies = inboxes.stream()
			.flatMap((inbox) -> inbox.timedAll().stream())
			.mapToLong((timed) -> timed.arrivedAt() - sentAt.get(timed.payload().get("clientId").asString()))
			.sorted()
			.toArray();
		assertThat(latencies).hasSize(total * USERS);
		String line = String
			.format("%s transport=%s users=%d messages=%d deliveries=%d elapsed=%.2fs throughput=%.0f msg/s "
					+ "fanout=%.0f deliveries/s latency p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms heapDelta=%dMiB",
					java.time.Instant.now(), transport, USERS, total, latencies.length, elapsed / 1e9,
					total / (elapsed / 1e9), latencies.length / (elapsed / 1e9), ms(latencies, 0.50),
					ms(latencies, 0.95), ms(latencies, 0.99), ms(latencies, 1.0), (heapAfter - heapBefore) >> 20);
		System.out.println("BENCHMARK " + line);
		Files.writeString(Path.of("target", "benchmark.txt"), line + System.lineSeparator(),
				java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		clients.forEach(StompTestClient::close);
	}

	private static double ms(long[] sorted, double quantile) {
		int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
