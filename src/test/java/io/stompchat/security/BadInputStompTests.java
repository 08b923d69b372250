package io.stompchat.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.stompchat.support.ChatUser;
import io.stompchat.support.StompTestClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static io.stompchat.security.Case.refused;
import static io.stompchat.security.Case.storing;
import static io.stompchat.security.RawStomp.chatFrame;
import static io.stompchat.security.RawStomp.connectFrame;
import static io.stompchat.security.RawStomp.frame;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad STOMP over a plain WebSocket: malformed frames, the CVE classes, forbidden
 * destinations and headers, bad bodies. Every case asserts the exact answer, what the
 * room holds afterwards and that a fresh user can still chat. See docs/SECURITY.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputStompTests {

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "{0}")
	@MethodSource("frames")
	void malformedFramesAreRefused(Case badInput) throws Exception {
		badInput.check(this.port);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("authorization")
	void forbiddenFramesAreRefusedWithAnErrorFrame(Case badInput) throws Exception {
		badInput.check(this.port);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("bodies")
	void badSendsAreAnsweredOnTheErrorQueue(Case badInput) throws Exception {
		badInput.check(this.port);
	}

	static Stream<Case> frames() {
		return Stream.of(refused("garbage command before CONNECT", (t) -> {
			try (RawStomp raw = RawStomp.open(t.user)) {
				raw.send("HELLO\nfoo:bar\n\n\0");
				raw.assertRefused("Malformed STOMP frame");
			}
		}), refused("binary garbage", (t) -> {
			try (RawStomp raw = RawStomp.open(t.user)) {
				raw.send("\u0001\u0002\u00ff\ufffd\n\n\0");
				raw.assertRefused("Malformed STOMP frame");
			}
		}), refused("SEND before CONNECT", (t) -> {
			try (RawStomp raw = RawStomp.open(t.user)) {
				raw.send(chatFrame(t.roomId, "{\"text\":\"before connect\"}"));
				raw.assertRefused("The first frame must be CONNECT");
			}
		}), refused("SUBSCRIBE before CONNECT", (t) -> {
			try (RawStomp raw = RawStomp.open(t.user)) {
				raw.send(frame("SUBSCRIBE", "", "id:1", "destination:/topic/room." + t.roomId));
				raw.assertRefused("The first frame must be CONNECT");
			}
		}), refused("CONNECT without CSRF token", (t) -> {
			try (RawStomp raw = RawStomp.open(t.user)) {
				raw.send(connectFrame(null));
				raw.assertRefused("X-CSRF-TOKEN");
			}
		}), refused("CONNECT with a wrong CSRF token", (t) -> {
			try (RawStomp raw = RawStomp.open(t.user)) {
				raw.send(connectFrame("c2VjcmV0LXRva2VuLXRoYXQtaXMtd3Jvbmc="));
				raw.assertRefused("X-CSRF-TOKEN");
			}
		}), refused("CONNECT with another session's CSRF token", (t) -> {
			ChatUser other = ChatUser.signUp(t.port, "other");
			try (RawStomp raw = RawStomp.open(t.user)) {
				raw.send(connectFrame(other.csrfToken()));
				raw.assertRefused("X-CSRF-TOKEN");
			}
		}), refused("SEND after a refused CONNECT in the same WebSocket message", (t) -> {
			try (RawStomp raw = RawStomp.open(t.user)) {
				raw.send(connectFrame("wrong") + chatFrame(t.roomId, "{\"text\":\"smuggled\"}"));
				raw.assertRefused("X-CSRF-TOKEN");
				assertThat(raw.frames()).filteredOn((f) -> f.startsWith("ERROR")).hasSize(1);
			}
		}), refused("a second CONNECT", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(connectFrame(t.user.csrfToken()));
				raw.assertRefused("second CONNECT");
			}
		}), refused("a header line without a colon", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send("SEND\ndestination:" + t.chat() + "\nno colon here\n\n{\"text\":\"x\"}\0");
				raw.assertRefused("Illegal header");
			}
		}), refused("an illegal header escape", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(chatFrame(t.roomId, "{\"text\":\"x\"}", "x-note:bad\\tescape"));
				raw.assertRefused("Illegal escape");
			}
		}), refused("content-length shorter than the body", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(chatFrame(t.roomId, "{\"text\":\"longer than two\"}", "content-length:2"));
				raw.assertRefused("null octet");
			}
		}), refused("content-length beyond the frame limit", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(chatFrame(t.roomId, "{\"text\":\"x\"}", "content-length:99999999"));
				// the server closes the connection once the frame passes the limit, maybe
				// while a part is on its way
				for (int i = 0; i < 20 && !raw.isClosed(); i++) {
					if (!raw.sendUnlessClosed("z".repeat(4096))) {
						break;
					}
				}
				raw.assertRefused("Frame too large");
			}
		}), storing("negative content-length is ignored, the frame ends at NUL", List.of("negative length"), (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user).ready(t.roomId)) {
				raw.send(chatFrame(t.roomId, "{\"text\":\"negative length\"}", "content-length:-5"));
				raw.await((f) -> f.contains("negative length"));
			}
		}), storing("garbage content-length is ignored, the frame ends at NUL", List.of("garbage length"), (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user).ready(t.roomId)) {
				raw.send(chatFrame(t.roomId, "{\"text\":\"garbage length\"}", "content-length:ten"));
				raw.await((f) -> f.contains("garbage length"));
			}
		}), refused("a frame without NUL swallows the next one: one unreadable body", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user).ready(t.roomId)) {
				raw.send(chatFrame(t.roomId, "{\"text\":\"no nul\"}").replace("\0", ""));
				raw.send(chatFrame(t.roomId, "{\"text\":\"next\"}"));
				assertThat(raw.awaitError(400).get("error").asString()).isEqualTo("invalid_message");
			}
		}), refused("thousands of headers", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				String[] headers = new String[3000];
				for (int i = 0; i < headers.length; i++) {
					headers[i] = "h" + i + ":v";
				}
				raw.send(chatFrame(t.roomId, "{\"text\":\"many headers\"}", headers));
				raw.assertRefused("Too many headers");
			}
		}), refused("a frame over 64 KiB", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(chatFrame(t.roomId, "{\"text\":\"" + "x".repeat(70_000) + "\"}"));
				raw.assertRefused("Frame too large");
			}
		}), refused("a WebSocket message far over 64 KiB", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(chatFrame(t.roomId, "{\"text\":\"" + "x".repeat(300_000) + "\"}"));
				assertThat(raw.assertClosed()).isIn(1009, 1002, 1006, -1);
			}
		}), refused("a 64 KiB frame split over many WebSocket messages", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send("SEND\ndestination:" + t.chat() + "\n\n{\"text\":\"");
				for (int i = 0; i < 20 && !raw.isClosed(); i++) {
					raw.send("y".repeat(4096));
				}
				raw.assertRefused("Frame too large");
			}
		}));
	}

	static Stream<Case> authorization() {
		return Stream.of(refused("selector header with SpEL (CVE-2018-1270)", (t) -> {
			Path marker = Path.of(System.getProperty("java.io.tmpdir"), "stomp-chat-pwned");
			Files.deleteIfExists(marker);
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(frame("SUBSCRIBE", "", "id:1", "destination:/topic/room." + t.roomId,
						"selector:T(java.lang.Runtime).getRuntime().exec('touch " + marker + "')"));
				raw.assertRefused("Not allowed: SUBSCRIBE");
			}
			assertThat(marker).doesNotExist();
		}), storing("SEND to /topic/**", List.of("barrier"), (t) -> {
			// the witness is the room's creator: only members may chat, and another
			// user's
			// JOIN would be stored too
			try (RawStomp witness = RawStomp.connected(t.user).ready(t.roomId);
					RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(frame("SEND", "{\"type\":\"CHAT\",\"sender\":\"admin\",\"text\":\"forged\"}",
						"destination:/topic/room." + t.roomId));
				raw.assertRefused("Not allowed: SEND /topic/room." + t.roomId);
				// a barrier: a real message sent after the refusal reaches the witness,
				// and
				// the forged one, had it gone through, would have arrived before it
				witness.send(chatFrame(t.roomId, "{\"text\":\"barrier\"}"));
				witness
					.await((f) -> witness.topic().stream().anyMatch((m) -> "barrier".equals(StompTestClient.text(m))));
				assertThat(witness.topic()).extracting(StompTestClient::text).containsExactly("barrier");
			}
		}), refused("SEND to /queue/**", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(frame("SEND", "{}", "destination:/queue/errors"));
				raw.assertRefused("Not allowed: SEND /queue/errors");
			}
		}), refused("SEND to another user's error queue", (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(frame("SEND", "{\"status\":403}", "destination:/user/alice/queue/errors"));
				raw.assertRefused("Not allowed: SEND /user/alice/queue/errors");
			}
		}), refused("SUBSCRIBE with wildcard *", subscribe("/topic/room.*")),
				refused("SUBSCRIBE with wildcard #", subscribe("/topic/#")),
				refused("SUBSCRIBE with wildcard **", subscribe("/topic/**")),
				refused("SUBSCRIBE with wildcard >", subscribe("/topic/room.>")),
				refused("SUBSCRIBE to a raw /queue/** destination", subscribe("/queue/errors-user1")),
				refused("SUBSCRIBE to another user's queue", subscribe("/user/alice/queue/errors")),
				refused("SUBSCRIBE to the broker's internal topics", subscribe("/topic/chat.user-registry")),
				refused("SUBSCRIBE to every user's lobby updates", subscribe("/topic/chat.user-queues")),
				refused("SUBSCRIBE to a malformed room topic", subscribe("/topic/room.Bad..Id")),
				refused("SUBSCRIBE with x-queue-name", subscribe("/topic/room.general", "x-queue-name:steal")),
				refused("SUBSCRIBE with durable", subscribe("/topic/room.general", "durable:true")),
				refused("SUBSCRIBE with auto-delete", subscribe("/topic/room.general", "auto-delete:false")),
				refused("SUBSCRIBE with exclusive", subscribe("/topic/room.general", "exclusive:true")),
				refused("SUBSCRIBE with x-message-ttl", subscribe("/topic/room.general", "x-message-ttl:1")),
				refused("transactions (BEGIN)", (t) -> {
					try (RawStomp raw = RawStomp.connected(t.user)) {
						raw.send(frame("BEGIN", "", "transaction:tx1"));
						raw.assertRefused("Not allowed: BEGIN");
					}
				}));
	}

	private static Case.Attack subscribe(String destination, String... extra) {
		return (t) -> {
			String[] headers = new String[extra.length + 2];
			headers[0] = "id:1";
			headers[1] = "destination:" + destination;
			System.arraycopy(extra, 0, headers, 2, extra.length);
			try (RawStomp raw = RawStomp.connected(t.user)) {
				raw.send(frame("SUBSCRIBE", "", headers));
				raw.assertRefused("Not allowed: SUBSCRIBE");
			}
		};
	}

	static Stream<Case> bodies() {
		return Stream.of(refused("SEND to /app with no handler", unknown("/app/foo", "unknown_destination")),
				refused("SEND to an unknown room action",
						(t) -> unknown("/app/room." + t.roomId + ".nope", "unknown_destination").run(t)),
				refused("SEND to an unknown room", unknown("/app/room.no-such-room.chat", "unknown_room")),
				refused("path trick: ..", unknown("/app/room.../room.general.chat", "unknown_destination")),
				refused("path trick: //", unknown("/app//room.general.chat", "unknown_destination")),
				refused("path trick: %2F", unknown("/app/room.general%2Fchat", "unknown_destination")),
				refused("path trick: uppercase room id", unknown("/app/room.GENERAL.chat", "unknown_room")),
				refused("invalid JSON", bad("{\"text\": \"unterminated", "invalid_message")),
				refused("deeply nested JSON", bad("[".repeat(20_000) + "]".repeat(20_000), "invalid_message")),
				refused("text is an object", bad("{\"text\": {\"html\": \"<b>\"}}", "invalid_message")),
				refused("NUL in text", bad("{\"text\": \"a\\u0000b\"}", "invalid_message")),
				refused("lone surrogate in text", bad("{\"text\": \"a\\ud800b\"}", "invalid_message")),
				refused("only zero-width characters", bad("{\"text\": \"\\u200b\\u200c\\u2060\"}", "invalid_message")),
				refused("text of 2001 characters", bad("{\"text\": \"" + "x".repeat(2001) + "\"}", "invalid_message")),
				refused("clientId with a control character",
						bad("{\"text\": \"hi\", \"clientId\": \"a\\u001b[31m\"}", "invalid_message")),
				refused("clientId of 65 characters",
						bad("{\"text\": \"hi\", \"clientId\": \"" + "c".repeat(65) + "\"}", "invalid_message")),
				storing("spoofed sender and user headers are ignored", List.of("spoof"), (t) -> {
					try (RawStomp raw = RawStomp.connected(t.user).ready(t.roomId)) {
						raw.send(chatFrame(t.roomId, "{\"text\":\"spoof\",\"sender\":\"admin\",\"type\":\"JOIN\"}",
								"user:admin", "simpUser:admin", "simpSessionId:x", "sender:admin", "login:admin"));
						raw.await((f) -> f.contains("spoof"));
					}
					assertThat(t.stored()).extracting((m) -> m.get("sender").asString())
						.containsExactly(t.user.username());
				}), storing("broker headers on SEND are dropped, the message is stored", List.of("with broker headers"),
						(t) -> {
							try (RawStomp raw = RawStomp.connected(t.user).ready(t.roomId)) {
								raw.send(chatFrame(t.roomId, "{\"text\":\"with broker headers\"}", "persistent:true",
										"x-queue-name:q", "expires:1", "priority:9"));
								raw.await((f) -> f.contains("with broker headers"));
							}
						}),
				storing("XSS in text is stored and returned raw",
						List.of("<script>alert(1)</script><img src=x onerror=alert(2)>"),
						(t) -> sendOk(t, "<script>alert(1)</script><img src=x onerror=alert(2)>")),
				storing("SQL-ish text is stored raw", List.of("'; DROP TABLE messages; --"),
						(t) -> sendOk(t, "'; DROP TABLE messages; --")),
				storing("RTL override in text is stored raw", List.of("abc\u202Egnp.exe"),
						(t) -> sendOk(t, "abc\u202Egnp.exe")),
				storing("combining marks are stored raw", List.of("Z\u0351\u0352\u0353a\u0301l\u0308g\u0327o"),
						(t) -> sendOk(t, "Z\u0351\u0352\u0353a\u0301l\u0308g\u0327o")),
				storing("LIKE wildcards in clientId match nothing else", List.of("one", "two", "three"), (t) -> {
					try (RawStomp raw = RawStomp.connected(t.user).ready(t.roomId)) {
						raw.send(chatFrame(t.roomId, "{\"text\":\"one\",\"clientId\":\"a%\"}"));
						raw.send(chatFrame(t.roomId, "{\"text\":\"two\",\"clientId\":\"a_\"}"));
						raw.send(chatFrame(t.roomId, "{\"text\":\"again\",\"clientId\":\"a%\"}"));
						raw.send(chatFrame(t.roomId, "{\"text\":\"three\",\"clientId\":\"%\"}"));
						raw.await((f) -> f.contains("\"three\""));
					}
				}));
	}

	private static Case.Attack unknown(String destination, String error) {
		return (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user).ready(t.roomId)) {
				raw.send(frame("SEND", "{\"text\":\"lost\"}", "destination:" + destination,
						"content-type:application/json"));
				assertThat(raw.awaitError(404).get("error").asString()).isEqualTo(error);
				assertThat(raw.awaitError(404).get("destination").asString()).isEqualTo(destination);
				assertThat(raw.isClosed()).isFalse();
			}
		};
	}

	private static Case.Attack bad(String body, String error) {
		return (t) -> {
			try (RawStomp raw = RawStomp.connected(t.user).ready(t.roomId)) {
				raw.send(chatFrame(t.roomId, body));
				assertThat(raw.awaitError(400).get("error").asString()).isEqualTo(error);
				assertThat(raw.isClosed()).isFalse();
			}
		};
	}

	private static void sendOk(Target t, String text) throws Exception {
		try (RawStomp raw = RawStomp.connected(t.user).ready(t.roomId)) {
			raw.send(chatFrame(t.roomId, RawStomp.json.writeValueAsString(java.util.Map.of("text", text))));
			raw.await((f) -> f.contains("subscription:topic"));
		}
		String rest = t.user.get("/api/rooms/" + t.roomId + "/messages").body();
		assertThat(rest).contains(RawStomp.json.writeValueAsString(text));
	}

}
