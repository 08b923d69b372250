package io.stompchat.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Instances;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health and metrics, as an operator or a load balancer sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void healthIsOpenButDetailsNeedASignedInUser() {
		HttpResponse<String> open = ChatUser.anonymous(this.port).get("/actuator/health");
		assertThat(open.statusCode()).isEqualTo(200);
		JsonNode status = this.json.readTree(open.body());
		assertThat(status.get("status").asString()).isEqualTo("UP");
		assertThat(status.has("components")).isFalse();
		JsonNode detailed = ChatUser.signUp(this.port, "operator").getJson("/actuator/health");
		assertThat(detailed.at("/components/db/status").asString()).isEqualTo("UP");
		assertThat(detailed.at("/components/broker/status").asString()).isEqualTo("UP");
	}

	@Test
	void prometheusExposesConnectionAndMessageMetrics() throws Exception {
		ChatUser user = ChatUser.signUp(this.port, "metered");
		try (StompTestClient client = StompTestClient.connect(user, Transport.WEBSOCKET)) {
			client.subscribe("/app/room.general.history").awaitCount(1);
			client.send("/app/room.general.chat", StompTestClient.chat("counted", null));
			client.subscribe("/app/room.general.history").await((page) -> page.toString().contains("counted"));
			String metrics = ChatUser.anonymous(this.port).get("/actuator/prometheus").body();
			assertThat(metrics).contains("chat_connections").contains("chat_users_connected");
			assertThat(metrics).containsPattern("chat_messages_post_seconds_count\\{.*type=\"CHAT\".*} [1-9]");
		}
	}

	@Test
	void healthIsDownWhileTheRelayHasNoBroker() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (ConfigurableApplicationContext instance = Instances.onRelay(closedPort, "no-broker")) {
			int port = Instances.port(instance);
			HttpResponse<String> health = ChatUser.anonymous(port).get("/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(this.json.readTree(health.body()).get("status").asString()).isEqualTo("DOWN");
		}
	}

}
