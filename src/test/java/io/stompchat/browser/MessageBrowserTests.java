package io.stompchat.browser;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.stompchat.support.Browser;
import io.stompchat.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working with lines in two real Chromiums: alice owns a fresh room, bob is in it. Reply,
 * edit, delete, react, mentions, a desktop notification while the page is hidden, and
 * search that jumps to a line far back in the history.
 */
@BrowserTest
class MessageBrowserTests {

	@LocalServerPort
	int port;

	Browser alice;

	Browser bob;

	String room;

	int rooms;

	@BeforeAll
	void startBrowsers() {
		String base = "http://localhost:" + this.port;
		this.alice = Browser.start(base, "en", 1200, 860);
		this.bob = Browser.start(base, "en", 390, 800);
		this.alice.signUp("amy", "password-1");
		this.bob.signUp("ben", "password-2");
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
		this.room = "work-" + UUID.randomUUID().toString().substring(0, 8);
		this.alice.open("/");
		this.alice.createRoom("Work " + (++this.rooms), this.room);
		this.alice.enterRoom(this.room, null);
		this.bob.joinRoom(this.room, null);
		this.alice.waitForSystemLine("ben joined");
	}

	@Test
	void aReplyQuotesTheLineAndTheQuoteJumpsToIt() {
		this.bob.send("when do we ship?");
		this.alice.waitForChat("when do we ship?");
		choose(this.alice, "when do we ship?", "Reply");
		assertThat(this.alice.find("#composer-context-text").getText()).isEqualTo("Replying to ben: when do we ship?");
		this.alice.send("friday");
		this.bob.waitForChat("friday");
		WebElement quote = line(this.bob, "friday").findElement(By.cssSelector(".msg-reply"));
		assertThat(quote.getText()).contains("ben").contains("when do we ship?");
		assertThat(this.alice.find("#composer-context").isDisplayed()).isFalse();
		quote.click();
		this.bob.waitUntil((d) -> line(this.bob, "when do we ship?").getAttribute("class").contains("msg-highlight"));
	}

	@Test
	void upInAnEmptyComposerEditsMyLastLineAndEveryoneSeesEdited() {
		this.alice.send("the meeting is at 3");
		this.bob.waitForChat("the meeting is at 3");
		WebElement input = this.alice.find("#text");
		input.sendKeys(Keys.ARROW_UP);
		assertThat(input.getDomProperty("value")).isEqualTo("the meeting is at 3");
		assertThat(this.alice.find("#composer-context-text").getText()).startsWith("Editing your message");
		input.sendKeys(Keys.BACK_SPACE, "4");
		input.sendKeys(Keys.ENTER);
		this.bob.waitForChat("the meeting is at 4");
		assertThat(this.bob.chatTexts()).containsExactly("the meeting is at 4");
		WebElement edited = line(this.bob, "the meeting is at 4").findElement(By.cssSelector(".msg-edited"));
		assertThat(edited.getText()).isEqualTo("(edited)");
		assertThat(edited.getAttribute("title")).isNotBlank();
		this.alice.waitForChat("the meeting is at 4");
		assertThat(input.getDomProperty("value")).isEmpty();

		input.sendKeys(Keys.ARROW_UP);
		input.sendKeys(Keys.ESCAPE);
		assertThat(input.getDomProperty("value")).isEmpty();
		assertThat(this.alice.find("#composer-context").isDisplayed()).isFalse();
	}

	@Test
	void deleteAsksFirstThenShowsMessageDeletedInPlace() {
		this.alice.send("wrong room, sorry");
		this.bob.waitForChat("wrong room, sorry");
		choose(this.alice, "wrong room, sorry", "Delete");
		WebElement dialog = this.alice.find("#delete-dialog");
		this.alice.waitUntil((d) -> dialog.isDisplayed());
		this.alice.find("#delete-confirm").click();
		this.bob.waitUntil((d) -> !this.bob.chatTexts().contains("wrong room, sorry"));
		assertThat(this.bob.find("#messages li[data-type=CHAT] .msg-deleted").getText()).isEqualTo("message deleted");
		this.alice
			.waitUntil((d) -> this.alice.driver().findElements(By.cssSelector("#messages .msg-deleted")).size() == 1);

	}

	@Test
	void onlyTheSenderOrTheRoomsOwnerMayDeleteALine() {
		this.alice.send("amy's line");
		this.bob.send("ben's line");
		this.alice.waitForChat("ben's line");
		this.bob.waitForChat("amy's line");
		assertThat(actions(this.bob, "amy's line")).containsExactly("👍", "❤️", "😂", "😮", "😢", "🎉", "🙏", "👀",
				"Reply");
		this.bob.find("#text").click();
		choose(this.alice, "ben's line", "Delete");
		this.alice.find("#delete-confirm").click();
		this.bob.waitUntil((d) -> this.bob.driver().findElements(By.cssSelector("#messages .msg-deleted")).size() == 1);
		assertThat(this.bob.chatTexts()).containsExactly("amy's line");
	}

	@Test
	void reactionsAreChipsWithCountsThatToggleAndSayWho() {
		this.alice.send("lunch?");
		this.bob.waitForChat("lunch?");
		choose(this.bob, "lunch?", "👍");
		this.alice.waitUntil((d) -> !line(this.alice, "lunch?").findElements(By.cssSelector(".chip")).isEmpty());
		WebElement chip = line(this.alice, "lunch?").findElement(By.cssSelector(".chip"));
		assertThat(chip.getText()).contains("👍").contains("1");
		assertThat(chip.getAttribute("aria-pressed")).isEqualTo("false");
		assertThat(chip.getAttribute("title")).isEqualTo("ben");
		chip.click();
		this.bob.waitUntil((d) -> chipText(this.bob, "lunch?").contains("2"));
		assertThat(line(this.bob, "lunch?").findElement(By.cssSelector(".chip")).getAttribute("title"))
			.isEqualTo("ben, amy");
		line(this.bob, "lunch?").findElement(By.cssSelector(".chip")).click();
		this.alice.waitUntil((d) -> chipText(this.alice, "lunch?").contains("1"));
		assertThat(line(this.alice, "lunch?").findElement(By.cssSelector(".chip")).getAttribute("aria-pressed"))
			.isEqualTo("true");
	}

	@Test
	void atOpensTheMemberListAndMentionsAreHighlightedMineStrongly() {
		WebElement input = this.bob.find("#text");
		this.bob.waitUntil((d) -> input.isEnabled());
		input.sendKeys("hey @a");
		WebElement list = this.bob.find("#mention-list");
		this.bob.waitUntil((d) -> list.isDisplayed());
		assertThat(list.findElement(By.cssSelector("[role=option][aria-selected=true]")).getText()).isEqualTo("amy");
		input.sendKeys(Keys.TAB);
		assertThat(input.getDomProperty("value")).isEqualTo("hey @amy ");
		input.sendKeys("look", Keys.ENTER);
		this.alice.waitForChat("hey @amy look");
		WebElement mine = line(this.alice, "hey @amy look").findElement(By.cssSelector(".msg-text strong.mention-me"));
		assertThat(mine.getText()).isEqualTo("@amy");
		this.bob.waitUntil((d) -> !line(this.bob, "hey @amy look").findElements(By.cssSelector(".mention")).isEmpty());
		assertThat(line(this.bob, "hey @amy look").findElements(By.cssSelector(".mention-me"))).isEmpty();
	}

	@Test
	void aMentionWhileThePageIsHiddenShowsANotificationOnlyWhenSwitchedOn() {
		WebElement toggle = this.alice.find("#notify-toggle");
		assertThat(toggle.getAttribute("aria-pressed")).isEqualTo("false");
		toggle.click();
		this.alice.waitUntil((d) -> "true".equals(toggle.getAttribute("aria-pressed")));
		// record notifications instead of showing them, and pretend the tab is in the
		// background (headless Chromium never hides it)
		this.alice.script("""
				window.shown = [];
				const Real = window.Notification;
				window.Notification = function (title, options) {
					window.shown.push({ title: title, body: options.body });
					return { close() {} };
				};
				window.Notification.permission = Real.permission;
				window.Notification.requestPermission = () => Real.requestPermission();
				Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
				""");
		this.bob.send("not for you");
		this.bob.send("@amy the build is green");
		this.alice.waitForChat("@amy the build is green");
		assertThat(shown()).containsExactly(Map.of("title", "ben mentioned you", "body", "@amy the build is green"));

		toggle.click();
		this.alice.waitUntil((d) -> "false".equals(toggle.getAttribute("aria-pressed")));
		this.bob.send("@amy again");
		this.alice.waitForChat("@amy again");
		assertThat(shown()).hasSize(1);
		assertThat(this.alice.script("return localStorage.getItem('stompchat.notify')")).isEqualTo("off");
	}

	@Test
	void searchFindsALineFarBackAndJumpsToIt() {
		this.alice.send("the needle is here");
		this.alice.waitForChat("the needle is here");
		this.alice.sendNumbered("hay", 70);
		this.bob.driver().navigate().refresh();
		this.bob.waitUntilLive();
		this.bob.waitForChat("hay 70");
		assertThat(this.bob.chatTexts()).doesNotContain("the needle is here");

		this.bob.find("#search-toggle").click();
		WebElement q = this.bob.find("#search-q");
		q.sendKeys("NEEDLE", Keys.ENTER);
		this.bob
			.waitUntil((d) -> !this.bob.driver().findElements(By.cssSelector("#search-results .search-hit")).isEmpty());
		WebElement hit = this.bob.find("#search-results .search-hit");
		assertThat(hit.getText()).contains("amy").contains("the needle is here");
		hit.click();
		this.bob.waitUntil((d) -> this.bob.chatTexts().contains("the needle is here"));
		this.bob.waitUntil((d) -> line(this.bob, "the needle is here").getAttribute("class").contains("msg-highlight"));
		assertThat(this.bob.seqs()).doesNotHaveDuplicates().isSorted();
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> shown() {
		return (List<Map<String, Object>>) this.alice.script("return window.shown");
	}

	private static String chipText(Browser browser, String text) {
		List<WebElement> chips = line(browser, text).findElements(By.cssSelector(".chip"));
		return chips.isEmpty() ? "" : chips.get(0).getText();
	}

	/** The CHAT line whose text is exactly this. */
	private static WebElement line(Browser browser, String text) {
		return browser.driver()
			.findElements(By.cssSelector("#messages li[data-type=CHAT]"))
			.stream()
			.filter((li) -> !li.findElements(By.cssSelector(".msg-text")).isEmpty()
					&& li.findElement(By.cssSelector(".msg-text")).getText().equals(text))
			.findFirst()
			.orElseThrow();
	}

	/** The texts of a line's actions. */
	private static List<String> actions(Browser browser, String text) {
		return open(browser, text).findElements(By.cssSelector("[role=menuitem]"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/** Opens a line's actions and picks one by its text. */
	private static void choose(Browser browser, String text, String action) {
		open(browser, text).findElements(By.cssSelector("[role=menuitem]"))
			.stream()
			.filter((item) -> item.getText().equals(action))
			.findFirst()
			.orElseThrow()
			.click();
	}

	/** Opens a line's actions menu: pointing at the line shows its button. */
	private static WebElement open(Browser browser, String text) {
		WebElement line = line(browser, text);
		new Actions(browser.driver()).moveToElement(line).perform();
		WebElement button = line.findElement(By.cssSelector(".msg-actions-button"));
		browser.waitUntil((d) -> button.isDisplayed());
		button.click();
		WebElement menu = browser.find("#line-menu");
		browser.waitUntil((d) -> menu.isDisplayed());
		return menu;
	}

}
