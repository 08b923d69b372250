package io.stompchat.system.stomp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.stompchat.support.ChatUser;
import io.stompchat.support.Inbox;
import io.stompchat.support.StompTestClient;
import io.stompchat.support.StompTestClient.Transport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acknowledged means stored: a SEND with a {@code receipt} header gets its RECEIPT once
 * what it asked for is done, and a refused one gets none, its error naming the receipt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReceiptsEndToEndTests {

	@LocalServerPort
	int port;

	ChatUser alice;

	String roomId;

	@BeforeEach
	void setUp() {
		this.alice = ChatUser.signUp(this.port, "receipt");
		this.roomId = this.alice.createRoom("receipts");
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "WEBSOCKET", "XHR_POLLING" })
	void aChatLineIsAcknowledgedOnlyOnceItIsStored(Transport transport) throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.alice, transport)) {
			String receipt = await(client.sendWithReceipt(chat(), StompTestClient.chat("kept", "k-1"), "r-1"));
			assertThat(receipt).isEqualTo("r-1");
			// no waiting: when the RECEIPT is there, so is the line
			assertThat(history()).extracting((m) -> m.path("clientId").asString(null)).containsOnlyOnce("k-1");
		}
	}

	@Test
	void aDuplicateClientIdIsAcknowledgedAsStoredWithoutASecondLine() throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.alice, Transport.WEBSOCKET)) {
			await(client.sendWithReceipt(chat(), StompTestClient.chat("once", "d-1"), "r-1"));
			await(client.sendWithReceipt(chat(), StompTestClient.chat("once", "d-1"), "r-2"));
			assertThat(history()).filteredOn((m) -> "d-1".equals(m.path("clientId").asString(null))).hasSize(1);
		}
	}

	@Test
	void aCommandThatStoresNothingIsAcknowledgedWhenDone() throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.alice, Transport.WEBSOCKET)) {
			assertThat(await(client.sendWithReceipt("/app/room." + this.roomId + ".typing", Map.of("typing", false),
					"typing-1")))
				.isEqualTo("typing-1");
		}
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "WEBSOCKET", "XHR_POLLING" })
	void aRefusedSendGetsNoReceiptAndItsErrorNamesIt(Transport transport) throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.alice, transport)) {
			Inbox errors = client.subscribeInPlace("/user/queue/errors", this.roomId);
			CompletableFuture<String> refused = client.sendWithReceipt(chat(), StompTestClient.chat("   ", "b-1"),
					"bad-1");
			CompletableFuture<String> unknown = client.sendWithReceipt("/app/room." + this.roomId + ".nothing",
					Map.of(), "bad-2");
			// frames of one session are handled in order: once this one is acknowledged,
			// the refused ones before it would have been too
			await(client.sendWithReceipt(chat(), StompTestClient.chat("fine", "g-1"), "good-1"));
			errors.awaitCount(2);
			assertThat(errors.all()).extracting((e) -> e.path("receipt").asString(null))
				.containsExactly("bad-1", "bad-2");
			assertThat(errors.all()).extracting((e) -> e.path("status").asInt()).containsExactly(400, 404);
			assertThat(refused).isNotDone();
			assertThat(unknown).isNotDone();
		}
	}

	@Test
	void anErrorForASendWithoutReceiptHasNoReceiptField() throws Exception {
		try (StompTestClient client = StompTestClient.connect(this.alice, Transport.WEBSOCKET)) {
			Inbox errors = client.subscribeInPlace("/user/queue/errors", this.roomId);
			client.send(chat(), StompTestClient.chat("   ", null));
			assertThat(errors.awaitCount(1).get(0).has("receipt")).isFalse();
		}
	}

	private String chat() {
		return "/app/room." + this.roomId + ".chat";
	}

	private Iterable<JsonNode> history() {
		return this.alice.getJson("/api/rooms/" + this.roomId + "/messages").get("messages");
	}

	private static String await(CompletableFuture<String> receipt) throws Exception {
		return receipt.get(15, TimeUnit.SECONDS);
	}

}
