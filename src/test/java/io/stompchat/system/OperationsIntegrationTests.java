package io.stompchat.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Instances;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health, probes, metrics and the REST API's description, as an operator, a load balancer
 * or a client developer sees them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsIntegrationTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void livenessAndReadinessProbesAreOpenAndReadinessChecksTheDatabaseAndBroker() {
		ChatUser anonymous = ChatUser.anonymous(this.port);
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			HttpResponse<String> response = anonymous.get(probe);
			assertThat(response.statusCode()).as(probe).isEqualTo(200);
			assertThat(this.json.readTree(response.body()).get("status").asString()).as(probe).isEqualTo("UP");
		}
		ChatUser operator = ChatUser.signUp(this.port, "prober");
		JsonNode readiness = operator.getJson("/actuator/health/readiness");
		assertThat(readiness.get("components").propertyNames()).containsExactlyInAnyOrder("readinessState", "db",
				"broker");
		JsonNode liveness = operator.getJson("/actuator/health/liveness");
		assertThat(liveness.get("components").propertyNames()).containsExactly("livenessState");
	}

	@Test
	void openApiDescribesEveryRestEndpointWithItsProblems() {
		HttpResponse<String> response = ChatUser.anonymous(this.port).get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode paths = this.json.readTree(response.body()).get("paths");
		List<String> endpoints = new ArrayList<>();
		for (RequestMappingInfo mapping : this.mappings.getHandlerMethods().keySet()) {
			for (String path : mapping.getPatternValues()) {
				if (!path.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
					String name = method.name().toLowerCase(Locale.ROOT);
					endpoints.add(name + " " + path);
					JsonNode operation = paths.path(path).path(name);
					assertThat(operation.isObject()).as("%s %s in /v3/api-docs", name, path).isTrue();
					List<String> problems = operation.get("responses")
						.properties()
						.stream()
						.filter((entry) -> entry.getKey().startsWith("4"))
						.filter((entry) -> entry.getValue().path("content").has("application/problem+json"))
						.map((entry) -> entry.getKey())
						.toList();
					assertThat(problems).as("problem responses of %s %s", name, path).contains("401");
				}
			}
		}
		assertThat(endpoints).contains("get /api/rooms/{id}", "post /api/rooms", "get /api/rooms/{roomId}/messages");
		JsonNode notFound = paths.at("/~1api~1rooms~1{id}/get/responses/404");
		assertThat(notFound.get("description").asString()).contains("unknown_room");
		assertThat(notFound.at("/content/application~1problem+json/schema/$ref").asString())
			.isEqualTo("#/components/schemas/Problem");
	}

	@Test
	void swaggerUiIsOpen() {
		ChatUser anonymous = ChatUser.anonymous(this.port);
		HttpResponse<String> entry = anonymous.get("/swagger-ui.html");
		assertThat(entry.statusCode()).isEqualTo(302);
		String location = entry.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/swagger-ui/index.html");
		assertThat(anonymous.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
	}

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
