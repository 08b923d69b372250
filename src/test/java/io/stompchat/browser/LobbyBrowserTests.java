package io.stompchat.browser;

import java.util.List;
import java.util.UUID;

import io.stompchat.support.Browser;
import io.stompchat.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lobby: my conversations with previews, unread and online counts, and the New group
 * dialog with the server's refusals shown next to the field.
 */
@BrowserTest
class LobbyBrowserTests {

	@LocalServerPort
	int port;

	Browser carol;

	Browser dave;

	String carolName;

	String daveName;

	@BeforeAll
	void startBrowsers() {
		String base = "http://localhost:" + this.port;
		this.carol = Browser.start(base, "en", 1200, 860);
		this.dave = Browser.start(base, "en", 1200, 860);
		this.carolName = "carol";
		this.daveName = "dave";
		this.carol.signUp(this.carolName, "password-3");
		this.dave.signUp(this.daveName, "password-4");
	}

	@AfterAll
	void stopBrowsers() {
		if (this.carol != null) {
			this.carol.close();
		}
		if (this.dave != null) {
			this.dave.close();
		}
	}

	@Test
	void theCreateFormOpensTheNewRoom() {
		String name = "Design review";
		this.carol.open("/");
		this.carol.find("#new-group").click();
		this.carol.find("#room-name").sendKeys(name);
		this.carol.find("#create-room button[type=submit]").click();
		this.carol.waitUntil((d) -> this.carol.path().startsWith("/rooms/"));
		this.carol.waitUntilLive();
		assertThat(this.carol.find(".room-header h1").getText()).isEqualTo(name);
	}

	@Test
	void anUnknownRoomShowsANotFoundPageWithTheWayBack() {
		this.carol.open("/rooms/no-such-room-" + suffix());
		assertThat(this.carol.find("h1").getText()).isEqualTo("Not found");
		this.carol.find("main a.button").click();
		this.carol.waitUntil((d) -> this.carol.path().equals("/"));
	}

	@Test
	void aTakenNameOrAddressIsRefusedNextToTheField() {
		String id = "movie-night-" + suffix();
		this.carol.open("/");
		this.carol.createRoom("Movie night", id);

		this.carol.find("#new-group").click();
		this.carol.find("#room-name").sendKeys("Movie night");
		this.carol.find("#create-room button[type=submit]").click();
		WebElement nameError = this.carol.find("#room-name-error");
		this.carol.waitUntil((d) -> nameError.isDisplayed());
		assertThat(nameError.getText()).isEqualTo("A room with this name or address already exists.");
		assertThat(this.carol.find("#room-name").getAttribute("aria-invalid")).isEqualTo("true");

		this.carol.find("#room-name").clear();
		this.carol.find("#room-name").sendKeys("Movie night, again");
		this.carol.find("#room-id").sendKeys(id);
		this.carol.find("#create-room button[type=submit]").click();
		WebElement idError = this.carol.find("#room-id-error");
		this.carol.waitUntil((d) -> idError.isDisplayed());
		assertThat(this.carol.path()).isEqualTo("/");
	}

	@Test
	void theListShowsPreviewUnreadAndOnlineMostRecentFirst() {
		String quiet = "weekend-hike-" + suffix();
		String busy = "book-club-" + suffix();
		this.carol.open("/");
		this.carol.createRoom("Weekend hike", quiet);
		this.carol.createRoom("Book club", busy);
		// dave's read marker starts when he joins
		this.dave.joinRoom(busy, null);
		this.dave.open("/");

		this.carol.enterRoom(busy, null);
		this.carol.send("Next book: Pachinko by Min Jin Lee.\nWho is in?");
		this.carol.waitForChat("Next book: Pachinko by Min Jin Lee.\nWho is in?");

		this.dave.driver().navigate().refresh();
		// live lobby updates replace rows: read each row whole, inside the wait
		String rowSelector = "#room-list li[data-room-id='" + busy + "']";
		List<String> shown = this.dave.waitUntil((d) -> {
			WebElement row = d.findElement(By.cssSelector("#room-list li:first-child"));
			if (!busy.equals(row.getAttribute("data-room-id"))) {
				return null;
			}
			return List.of(row.findElement(By.cssSelector(".room-preview")).getText(),
					row.findElement(By.cssSelector(".badge-unread")).getText(),
					row.findElement(By.cssSelector(".room-online")).getText(),
					row.findElement(By.cssSelector(".room-link")).getAttribute("href"));
		});
		assertThat(shown.get(0)).isEqualTo(this.carolName + ": Next book: Pachinko by Min Jin Lee. Who is in?");
		assertThat(shown.get(1)).startsWith("1");
		assertThat(shown.get(2)).isEqualTo("1 online · 2 members");
		assertThat(shown.get(3)).endsWith("/rooms/" + busy);
		this.dave.screenshotForDocs("lobby");

		// reading the room moves dave's read marker: the badge goes
		this.dave.waitUntil((d) -> {
			d.findElement(By.cssSelector(rowSelector + " .room-link")).click();
			return true;
		});
		this.dave.waitUntilLive();
		this.dave.waitForChat("Next book: Pachinko by Min Jin Lee.\nWho is in?");
		this.dave.waitUntil((d) -> this.dave.find("#main").getAttribute("data-read-seq") != null);
		this.dave.open("/");
		Boolean badgeHidden = this.dave
			.waitUntil((d) -> !d.findElement(By.cssSelector(rowSelector + " .badge-unread")).isDisplayed());
		assertThat(badgeHidden).isTrue();
	}

	@Test
	void theListFollowsNewMessagesWithoutAReload() {
		String id = "live-" + suffix();
		this.carol.open("/");
		this.carol.createRoom("Live updates", id);
		this.dave.joinRoom(id, null);
		this.dave.open("/");
		this.carol.enterRoom(id, null);
		this.carol.send("fresh from carol");
		String badge = this.dave.waitUntil((d) -> {
			WebElement row = d.findElement(By.cssSelector("#room-list li:first-child"));
			return id.equals(row.getAttribute("data-room-id"))
					&& row.getText().contains(this.carolName + ": fresh from carol")
							? row.findElement(By.cssSelector(".badge-unread")).getText() : null;
		});
		assertThat(badge).startsWith("1");
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
