package io.stompchat.browser;

import java.util.List;
import java.util.UUID;

import io.stompchat.support.Browser;
import io.stompchat.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Two people in one room: alice on native WebSocket (SockJS' first choice), bob on forced
 * SockJS xhr-polling, each in a real Chromium.
 */
@BrowserTest
class RoomBrowserTests {

	@LocalServerPort
	int port;

	Browser alice;

	Browser bob;

	String aliceName;

	String bobName;

	String room;

	int rooms;

	@BeforeAll
	void startBrowsers() {
		String base = "http://localhost:" + this.port;
		this.alice = Browser.start(base, "en", 1200, 860);
		this.bob = Browser.start(base, "en", 1200, 860);
		this.aliceName = "alice";
		this.bobName = "bob";
		this.alice.signUp(this.aliceName, "password-1");
		this.bob.signUp(this.bobName, "password-2");
	}

	@AfterAll
	void stopBrowsers() {
		if (this.alice != null) {
			this.alice.close();
		}
		if (this.bob != null) {
			this.bob.close();
		}
	}

	@BeforeEach
	void bothInAFreshRoom() {
		this.room = "team-chat-" + suffix();
		this.alice.open("/");
		this.alice.createRoom("Team chat " + (++this.rooms), this.room);
		this.alice.enterRoom(this.room, null);
		this.bob.joinRoom(this.room, "xhr-polling");
		this.alice.waitForSystemLine(this.bobName + " joined");
	}

	@Test
	void twoBrowsersChatOverWebSocketAndXhrPolling() {
		assertThat(this.alice.transport()).isEqualTo("websocket");
		assertThat(this.bob.transport()).isEqualTo("xhr-polling");

		this.alice.send("Hello from the WebSocket side");
		this.bob.waitForChat("Hello from the WebSocket side");
		this.bob.send("Hi from xhr-polling\nwith a second line");
		this.alice.waitForChat("Hi from xhr-polling\nwith a second line");

		assertThat(this.alice.chatTexts()).containsExactly("Hello from the WebSocket side",
				"Hi from xhr-polling\nwith a second line");
		assertThat(this.bob.chatTexts()).containsExactly("Hello from the WebSocket side",
				"Hi from xhr-polling\nwith a second line");
		// own lines are set apart; the other's carry the sender's name
		assertThat(this.alice.find("#messages li.msg-own .msg-text").getText())
			.isEqualTo("Hello from the WebSocket side");
		assertThat(this.alice.find("#messages li.msg:not(.msg-own) .msg-sender").getText()).isEqualTo(this.bobName);
		this.alice.screenshotForDocs("room");
		assertThat(this.alice.scriptProblems()).isEmpty();
		assertThat(this.bob.scriptProblems()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "xhr-streaming", "eventsource" })
	void otherSockJsTransportsCanBeForced(String transport) {
		chatOver(transport);
	}

	@ParameterizedTest
	@ValueSource(strings = { "iframe-eventsource", "iframe-xhr-polling" })
	void iframeSockJsTransportsCanBeForced(String transport) {
		chatOver(transport);
	}

	private void chatOver(String transport) {
		this.alice.enterRoom(this.room, transport);
		assertThat(this.alice.transport()).isEqualTo(transport);
		this.alice.send("over " + transport);
		this.bob.waitForChat("over " + transport);
		this.bob.send("back to " + transport);
		this.alice.waitForChat("back to " + transport);
		assertThat(this.alice.scriptProblems()).isEmpty();
	}

	@Test
	void theCounterAppearsNearTheLimitAndTooLongCannotBeSent() {
		WebElement counter = this.alice.find("#counter");
		WebElement send = this.alice.find("#send");
		typeLength(10);
		assertThat(counter.isDisplayed()).isFalse();
		assertThat(send.isEnabled()).isTrue();
		typeLength(1900);
		assertThat(counter.getText()).isEqualTo("1900 / 2000");
		// code points, not UTF-16 units: 2000 emoji are 2000 characters
		this.alice.script("const input = document.getElementById('text');"
				+ " input.value = '\\u{1F600}'.repeat(2000); input.dispatchEvent(new Event('input'));");
		assertThat(counter.getText()).isEqualTo("2000 / 2000");
		assertThat(send.isEnabled()).isTrue();
		typeLength(2001);
		assertThat(counter.getAttribute("class")).contains("counter-over");
		assertThat(send.isEnabled()).isFalse();
		this.alice.find("#text").sendKeys(Keys.ENTER);
		typeLength(0);
		assertThat(this.bob.chatTexts()).isEmpty();
	}

	private void typeLength(int length) {
		this.alice.script("const input = document.getElementById('text');"
				+ " input.value = 'x'.repeat(arguments[0]); input.dispatchEvent(new Event('input'));", length);
	}

	@Test
	void markupInAMessageIsShownAsTextAndNeverRuns() {
		String markup = "<img src=x onerror=\"window.pwned=true;alert(1)\"><b>bold</b>";
		this.alice.send(markup);
		this.bob.waitForChat(markup);

		for (Browser browser : List.of(this.alice, this.bob)) {
			assertThat(browser.driver().findElements(By.cssSelector("#messages img, #messages b"))).isEmpty();
			assertThat(browser.script("return window.pwned === undefined;")).isEqualTo(true);
			assertThatExceptionOfType(NoAlertPresentException.class)
				.isThrownBy(() -> browser.driver().switchTo().alert());
		}
		this.bob.open("/");
		this.bob.waitUntil((d) -> this.bob.find("#room-list").getText().contains("bold"));
		assertThat(this.bob.driver().findElements(By.cssSelector("#room-list img, #room-list b"))).isEmpty();
		this.bob.enterRoom(this.room, "xhr-polling");
	}

	@Test
	void aReloadShowsTheHistoryOnce() {
		this.alice.send("one");
		this.alice.send("two");
		this.alice.send("three");
		this.alice.waitForChat("three");

		this.alice.driver().navigate().refresh();
		this.alice.waitUntilLive();
		this.alice.waitForChat("three");

		List<Long> seqs = this.alice.seqs();
		assertThat(seqs).doesNotHaveDuplicates().isSorted();
		assertThat(this.alice.chatTexts()).containsExactly("one", "two", "three");
	}

	@Test
	void linesSentWhileOfflineArriveExactlyOnceWhenBackOnline() {
		this.alice.send("before the drop");
		this.bob.waitForChat("before the drop");

		this.alice.offline(true);
		this.alice.waitUntil((d) -> !"live".equals(this.alice.connectionState()));
		assertThat(this.alice.find("#text").isEnabled()).isFalse();
		this.bob.send("missed 1");
		this.bob.send("missed 2");
		this.bob.send("missed 3");
		this.bob.waitForChat("missed 3");
		this.alice.screenshot("room-offline");

		this.alice.offline(false);
		this.alice.waitUntilLive();
		this.alice.waitForChat("missed 3");
		this.bob.send("after the drop");
		this.alice.waitForChat("after the drop");

		assertThat(this.alice.chatTexts()).containsExactly("before the drop", "missed 1", "missed 2", "missed 3",
				"after the drop");
		assertThat(this.alice.seqs()).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void scrollingToTheTopLoadsEarlierPagesAndNewLinesBelowShowAPill() {
		this.alice.sendNumbered("page line", 60);
		this.bob.driver().navigate().refresh();
		this.bob.waitUntilLive();
		this.bob.waitForChat("page line 60");
		assertThat(this.bob.chatTexts()).doesNotContain("page line 1");
		assertThat(this.bob.find("#load-earlier").isDisplayed()).isTrue();

		this.bob.waitUntil((d) -> {
			this.bob.script("document.getElementById('scroller').scrollTop = 0;");
			return this.bob.chatTexts().contains("page line 1");
		});
		this.bob.waitUntil((d) -> this.bob.find("#history-start").isDisplayed());
		assertThat(this.bob.chatTexts()).hasSize(60).doesNotHaveDuplicates();
		assertThat(this.bob.seqs()).doesNotHaveDuplicates().isSorted();

		this.bob.script("document.getElementById('scroller').scrollTop = 0;");
		this.alice.send("look down");
		this.bob.waitForChat("look down");
		this.bob.waitUntil((d) -> this.bob.find("#new-pill").isDisplayed());
		this.bob.find("#new-pill").click();
		this.bob.waitUntil((d) -> !this.bob.find("#new-pill").isDisplayed());
		assertThat(this.bob.script("const s = document.getElementById('scroller');"
				+ " return s.scrollHeight - s.scrollTop - s.clientHeight < 48;"))
			.isEqualTo(true);
	}

	@Test
	void aRefusedMessageShowsADismissibleNoticeAndGivesTheTextBack() {
		this.alice.script("""
				const input = document.getElementById('text');
				input.value = 'NUL \\u0000 is refused';
				input.dispatchEvent(new Event('input'));
				document.getElementById('composer').requestSubmit();
				""");
		WebElement notice = this.alice.find("#notice");
		this.alice.waitUntil((d) -> notice.isDisplayed());
		this.alice.screenshot("room-refused");
		assertThat(this.alice.find("#notice-text").getText())
			.isEqualTo("That message was not accepted: check its text and send it again.");
		assertThat(this.alice.find("#text").getDomProperty("value")).startsWith("NUL ");
		assertThat(this.alice.driver().findElements(By.cssSelector("#pending li"))).isEmpty();
		this.alice.find("#notice-close").click();
		this.alice.waitUntil((d) -> !notice.isDisplayed());
		this.alice.find("#text").clear();

		this.alice.send("a fine line");
		this.bob.waitForChat("a fine line");
		assertThat(this.bob.chatTexts()).containsExactly("a fine line");
	}

	@Test
	void typingShowsUntilTheLineIsSent() {
		this.bob.find("#text").sendKeys("thinking");
		this.alice.waitUntil((d) -> this.alice.find("#typing").getText().equals(this.bobName + " is typing…"));
		this.bob.find("#text").sendKeys(Keys.ENTER);
		this.alice.waitForChat("thinking");
		this.alice.waitUntil((d) -> this.alice.find("#typing").getText().isEmpty());
	}

	@Test
	void theMemberListFollowsWhoIsInTheRoom() {
		this.alice.waitUntil((d) -> this.alice.find("#member-list").getText().contains(this.bobName));
		assertThat(this.alice.find("#member-count").getText()).isEqualTo("2");
		this.bob.find("#leave").click();
		this.alice.waitUntil((d) -> !this.alice.find("#member-list").getText().contains(this.bobName));
		assertThat(this.alice.find("#member-count").getText()).isEqualTo("1");
		this.bob.enterRoom(this.room, "xhr-polling");
	}

	@Test
	void leaveReturnsToTheLobbyAndTheOthersSeeIt() {
		this.bob.find("#leave").click();
		this.bob.waitUntil((d) -> this.bob.path().equals("/"));
		this.alice.waitForSystemLine(this.bobName + " left");
		this.bob.enterRoom(this.room, "xhr-polling");
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
