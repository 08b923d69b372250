package io.stompchat.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.stompchat.support.StompTestClient;
import io.stompchat.system.TokenBucket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.stompchat.security.Case.refused;
import static io.stompchat.security.RawStomp.chatFrame;
import static io.stompchat.security.RawStomp.frame;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Floods of messages, subscriptions and connections meet the limits under
 * {@code chat.limits.*}. See docs/SECURITY.md. The rate limits run on a stopped clock
 * here, so that no token is earned back during a flood and the counts are exact on a slow
 * machine too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputFloodTests {

	@LocalServerPort
	int port;

	@TestConfiguration(proxyBeanMethods = false)
	static class StoppedClock {

		@Bean
		TokenBucket.Ticker stoppedTicker() {
			return () -> 0L;
		}

	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("floods")
	void floodsMeetTheLimits(Case badInput) throws Exception {
		badInput.check(this.port);
	}

	static Stream<Case> floods() {
		return Stream.of(new Case("a flood of chat messages is rate limited", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user).ready(t.roomId)) {
				StringBuilder flood = new StringBuilder();
				for (int i = 0; i < 150; i++) {
					flood.append(chatFrame(t.roomId, "{\"text\":\"flood " + i + "\"}"));
				}
				raw.send(flood.toString());
				assertThat(raw.awaitError(429).get("error").asString()).isEqualTo("rate_limited");
				raw.await((f) -> raw.topic().size() + raw.errors().size() >= 150);
				// chat.limits.messages-per-window is 120, and the clock does not move
				assertThat(raw.topic()).hasSize(120);
				assertThat(raw.errors()).hasSize(30);
				assertThat(raw.errors()).allSatisfy((e) -> {
					assertThat(e.get("status").asInt()).isEqualTo(429);
					assertThat(e.get("destination").asString()).isEqualTo(t.chat());
				});
				assertThat(raw.isClosed()).isFalse();
				assertThat(t.storedTexts())
					.containsExactlyElementsOf(raw.topic().stream().map(StompTestClient::text).toList());
			}
		}, null), refused("a flood of subscriptions is cut at 64 per connection", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				StringBuilder flood = new StringBuilder();
				for (int i = 0; i < 65; i++) {
					flood.append(frame("SUBSCRIBE", "", "id:" + i, "destination:/topic/room." + t.roomId));
				}
				raw.send(flood.toString());
				raw.assertRefused("Too many subscriptions");
			}
		}), refused("a flood of connections is cut at 10 per user", (t) -> {
			List<RawStomp> open = new ArrayList<>();
			try {
				for (int i = 0; i < 10; i++) {
					open.add(RawStomp.connected(t.user));
				}
				try (RawStomp extra = RawStomp.open(t.user)) {
					extra.assertRefused("Too many connections");
				}
				assertThat(open).noneMatch(RawStomp::isClosed);
			}
			finally {
				open.forEach(RawStomp::close);
			}
		}));
	}

}
