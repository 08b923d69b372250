package io.stompchat.browser;

import java.util.List;
import java.util.UUID;

import io.stompchat.support.Browser;
import io.stompchat.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations as three people use them: a private group made with a member, a direct
 * chat, joining a public room from the directory, and being removed from a group.
 */
@BrowserTest
class ConversationBrowserTests {

	@LocalServerPort
	int port;

	Browser frank;

	Browser grace;

	Browser heidi;

	@BeforeAll
	void startBrowsers() {
		String base = "http://localhost:" + this.port;
		this.frank = Browser.start(base, "en", 1200, 860);
		this.grace = Browser.start(base, "en", 1200, 860);
		this.heidi = Browser.start(base, "en", 390, 844);
		this.frank.signUp("frank", "password-f");
		this.grace.signUp("grace", "password-g");
		this.heidi.signUp("heidi", "password-h");
	}

	@AfterAll
	void stopBrowsers() {
		for (Browser browser : new Browser[] { this.frank, this.grace, this.heidi }) {
			if (browser != null) {
				browser.close();
			}
		}
	}

	@Test
	void aPrivateGroupWithAMemberAppearsLiveInTheirLobbyAndNowhereElse() {
		String name = "Secret plans " + suffix();
		this.grace.open("/");
		this.heidi.open("/");

		this.frank.open("/");
		this.frank.find("#new-group").click();
		assertThat(this.frank.find("#group-dialog").isDisplayed()).isTrue();
		this.frank.find("#room-name").sendKeys(name);
		this.frank.find("#kind-private").click();
		this.frank.find("#member-q").sendKeys("gra");
		this.frank.waitUntil((d) -> {
			d.findElement(By.cssSelector("#member-results button[data-username=grace]")).click();
			return true;
		});
		this.frank.waitUntil((d) -> this.frank.find("#member-chips").getText().contains("grace"));
		this.frank.find("#create-room button[type=submit]").click();
		this.frank.waitUntil((d) -> this.frank.path().startsWith("/rooms/"));
		String id = this.frank.path().substring("/rooms/".length());
		this.frank.waitUntilLive();
		assertThat(this.frank.find("#room-title").getText()).isEqualTo(name);
		this.frank.waitUntil((d) -> this.frank.find("#member-list").getText().contains("grace"));
		this.frank.waitForSystemLine("frank added grace");
		assertThat(this.frank.find("#add-member").isDisplayed()).isTrue();

		// grace was on her lobby all along: the group comes to her without a reload
		List<String> row = this.grace.waitUntil((d) -> this.grace.lobbyRow(id));
		assertThat(row.get(0)).isEqualTo("PRIVATE");
		assertThat(row.get(1)).isEqualTo(name);
		// the icon is set apart by its words for screen readers
		assertThat(this.grace.find("#room-list li[data-room-id='" + id + "'] .room-kind .visually-hidden")
			.getAttribute("textContent")).isEqualTo("Private group");

		// heidi sees it neither in her lobby, nor in the directory, nor at its address
		this.heidi.driver().navigate().refresh();
		this.heidi.waitUntil((d) -> "false".equals(this.heidi.find("#room-list").getAttribute("aria-busy")));
		assertThat(this.heidi.lobbyRow(id)).isNull();
		this.heidi.find("#tab-directory").click();
		this.heidi.find("#directory-q").sendKeys("Secret plans");
		this.heidi.waitUntil((d) -> this.heidi.find("#directory-status").getText().equals("No public room matches."));
		assertThat(this.heidi.find("#directory-list").getText()).isEmpty();
		this.heidi.open("/rooms/" + id);
		assertThat(this.heidi.find("h1").getText()).isEqualTo("Not found");
		assertThat(this.frank.scriptProblems()).isEmpty();
		assertThat(this.grace.scriptProblems()).isEmpty();
	}

	@Test
	void aDirectChatIsTitledWithTheOtherPersonOnBothSides() {
		this.grace.open("/");
		this.frank.open("/");
		this.frank.find("#new-chat").click();
		this.frank.find("#chat-q").sendKeys("grac");
		this.frank.waitUntil((d) -> {
			d.findElement(By.cssSelector("#chat-results button[data-username=grace]")).click();
			return true;
		});
		this.frank.waitUntil((d) -> this.frank.path().startsWith("/rooms/"));
		String id = this.frank.path().substring("/rooms/".length());
		this.frank.waitUntilLive();
		this.frank.waitUntil((d) -> this.frank.find("#room-title").getText().equals("grace"));
		assertThat(this.frank.driver().getTitle()).startsWith("grace");
		assertThat(this.frank.find("#leave").isDisplayed()).isFalse();
		assertThat(this.frank.find("#add-member").isDisplayed()).isFalse();
		this.frank.send("hi grace, just us");

		List<String> row = this.grace.waitUntil((d) -> {
			List<String> shown = this.grace.lobbyRow(id);
			return (shown != null && shown.get(2).contains("hi grace, just us")) ? shown : null;
		});
		assertThat(row.get(0)).isEqualTo("DIRECT");
		assertThat(row.get(1)).isEqualTo("frank");
		this.grace.find("#room-list li[data-room-id='" + id + "'] .room-link").click();
		this.grace.waitUntilLive();
		this.grace.waitForChat("hi grace, just us");
		assertThat(this.grace.find("#room-title").getText()).isEqualTo("frank");
		assertThat(this.grace.systemLines()).isEmpty();

		// asking again, from the other side, opens the same room
		this.grace.open("/");
		this.grace.find("#new-chat").click();
		this.grace.find("#chat-q").sendKeys("frank", Keys.ENTER);
		this.grace.waitUntil((d) -> this.grace.path().equals("/rooms/" + id));
	}

	@Test
	void aPublicRoomIsJoinedFromTheDirectory() {
		String id = "open-mic-" + suffix();
		String name = "Open mic " + id.substring("open-mic-".length());
		this.frank.createRoom(name, id);

		this.heidi.open("/");
		this.heidi.find("#tab-directory").click();
		this.heidi.find("#directory-q").sendKeys(name);
		// the list is drawn again as the answers come: click the button of the latest one
		this.heidi.waitUntil((d) -> {
			d.findElement(By.cssSelector("#directory-list li[data-room-id='" + id + "'] .directory-join")).click();
			return true;
		});
		this.heidi.waitUntil((d) -> this.heidi.path().equals("/rooms/" + id));
		this.heidi.waitUntilLive();
		assertThat(this.heidi.scrollsSideways()).isFalse();
		this.heidi.waitForSystemLine("heidi joined");
		this.heidi.waitUntil((d) -> this.heidi.find("#text").isEnabled());
		assertThat(this.heidi.find("#join-bar").isDisplayed()).isFalse();
		this.heidi.send("hello open mic");
		this.heidi.waitForChat("hello open mic");
		assertThat(this.heidi.scrollsSideways()).isFalse();

		this.heidi.open("/");
		this.heidi.waitUntil((d) -> this.heidi.lobbyRow(id) != null);
		this.heidi.find("#tab-directory").click();
		this.heidi.find("#directory-q").sendKeys(name);
		this.heidi.waitUntil((d) -> d.findElement(By.cssSelector("#directory-list li[data-room-id='" + id + "']"))
			.getText()
			.contains("Joined"));
	}

	@Test
	void aReaderOfAPublicRoomJoinsWithTheButtonInsteadOfTheComposer() {
		String id = "reading-" + suffix();
		this.frank.createRoom("Reading room", id);
		this.frank.enterRoom(id, null);
		this.frank.send("for everyone to read");

		this.grace.enterRoom(id, null);
		this.grace.waitForChat("for everyone to read");
		assertThat(this.grace.find("#join-bar").isDisplayed()).isTrue();
		assertThat(this.grace.find("#composer").isDisplayed()).isFalse();
		// entering stored nothing: grace is not a member until she presses Join
		assertThat(this.frank.systemLines()).doesNotContain("grace joined");

		this.grace.find("#join").click();
		this.frank.waitForSystemLine("grace joined");
		this.grace.send("now I can write");
		this.frank.waitForChat("now I can write");
	}

	@Test
	void aRemovedMemberIsToldAndTheRoomLeavesTheirLobby() throws Exception {
		String id = "crew-" + suffix();
		this.frank.createRoom("Crew", id, "PRIVATE", "grace");
		this.frank.enterRoom(id, null);
		String roomTab = this.grace.driver().getWindowHandle();
		this.grace.enterRoom(id, null);
		this.grace.waitUntil((d) -> this.grace.find("#text").isEnabled());
		// a second tab of grace's shows her lobby, with the room in it
		this.grace.driver().switchTo().newWindow(WindowType.TAB);
		this.grace.open("/");
		this.grace.waitUntil((d) -> this.grace.lobbyRow(id) != null);

		WebElement remove = this.frank
			.waitUntil((d) -> d.findElement(By.cssSelector("#member-list li[data-username=grace] .member-remove")));
		assertThat(remove.getAttribute("aria-label")).isEqualTo("Remove grace");
		remove.click();
		this.frank.waitUntil((d) -> !this.frank.find("#member-list").getText().contains("grace"));
		this.frank.waitForSystemLine("frank removed grace");

		this.grace.waitUntil((d) -> this.grace.lobbyRow(id) == null);
		this.grace.driver().close();
		this.grace.driver().switchTo().window(roomTab);
		this.grace.waitUntil((d) -> this.grace.find("#removed").isDisplayed());
		// the LEAVE naming frank, or (when the server stopped the room's topic first) the
		// lobby's
		// "removed"
		assertThat(this.grace.find("#removed-text").getText()).isIn("frank removed you from this room.",
				"You are no longer a member of this room.");
		assertThat(this.grace.find("#composer").isDisplayed()).isFalse();
		assertThat(this.grace.find("#join-bar").isDisplayed()).isFalse();
		this.grace.find("#removed a").click();
		this.grace.waitUntil((d) -> this.grace.path().equals("/"));
		this.grace.waitUntil((d) -> "false".equals(this.grace.find("#room-list").getAttribute("aria-busy")));
		assertThat(this.grace.lobbyRow(id)).isNull();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
