package io.stompchat.browser;

import java.util.UUID;

import io.stompchat.support.Browser;
import io.stompchat.support.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Korean phone: {@code Accept-Language: ko}, a 390 px wide window, light and dark.
 */
@BrowserTest
class LanguageAndLayoutBrowserTests {

	@LocalServerPort
	int port;

	Browser phone;

	String name;

	@BeforeAll
	void startBrowser() {
		this.phone = Browser.start("http://localhost:" + this.port, "ko", 390, 844);
		this.name = "eunji";
	}

	@AfterAll
	void stopBrowser() {
		if (this.phone != null) {
			this.phone.close();
		}
	}

	@Test
	void koreanBrowserGetsKoreanPagesWithoutSidewaysScrolling() {
		this.phone.open("/login");
		assertThat(this.phone.viewportWidth()).isBetween(375L, 390L);
		assertThat(this.phone.find("h1").getText()).isEqualTo("로그인");
		assertThat(this.phone.scrollsSideways()).isFalse();

		this.phone.open("/signup");
		assertThat(this.phone.find("h1").getText()).isEqualTo("계정 만들기");
		assertThat(this.phone.scrollsSideways()).isFalse();

		this.phone.signUp(this.name, "비밀번호-password");
		assertThat(this.phone.find("#rooms-heading").getText()).isEqualTo("채팅방");
		assertThat(this.phone.scrollsSideways()).isFalse();

		// sign out, find the name taken, sign in again: all in Korean
		this.phone.find(".logout-form button").click();
		this.phone.waitUntil((d) -> this.phone.path().equals("/login?logout"));
		assertThat(this.phone.find(".notice-info").getText()).isEqualTo("로그아웃되었습니다.");
		this.phone.open("/signup");
		this.phone.find("#username").sendKeys(this.name.toUpperCase());
		this.phone.find("#password").sendKeys("another-password");
		this.phone.find("form.stack button[type=submit]").click();
		this.phone.waitUntil((d) -> !d.findElements(By.cssSelector("#signup-errors")).isEmpty());
		assertThat(this.phone.find("#signup-errors li").getText()).isEqualTo("이미 사용 중인 사용자 이름입니다.");
		assertThat(this.phone.find("#username").getDomProperty("value")).isEqualTo(this.name.toUpperCase());
		assertThat(this.phone.scrollsSideways()).isFalse();
		this.phone.screenshot("signup-taken-ko-390");
		this.phone.open("/login");
		this.phone.find("#username").sendKeys(this.name);
		this.phone.find("#password").sendKeys("비밀번호-password");
		this.phone.find("form.stack button[type=submit]").click();
		this.phone.waitUntil((d) -> this.phone.path().equals("/"));

		String room = "long-" + suffix();
		this.phone.createRoom("아주 긴 이름의 채팅방 " + "가나다라마바사아자차카타파하".repeat(4), room);
		this.phone.enterRoom(room, null);
		this.phone.waitForSystemLine(this.name + "님이 입장하셨습니다");
		assertThat(this.phone.find("#leave").getText()).isEqualTo("나가기");
		assertThat(this.phone.find("#conn-text").getText()).isEqualTo("연결됨");

		this.phone.send("안녕하세요! 반갑습니다 😀");
		this.phone.send("https://example.com/" + "a-very-long-unbroken-path".repeat(12));
		this.phone.waitForChat("안녕하세요! 반갑습니다 😀");
		this.phone.waitUntil((d) -> this.phone.chatTexts().size() == 2);
		assertThat(this.phone.scrollsSideways()).isFalse();
		this.phone.screenshot("room-ko-390");

		this.phone.preferDark(true);
		assertThat(this.phone.script("return getComputedStyle(document.body).backgroundColor;"))
			.isEqualTo("rgb(15, 18, 22)");
		this.phone.screenshot("room-ko-390-dark");
		this.phone.preferDark(false);

		this.phone.open("/");
		this.phone.waitUntil((d) -> this.phone.find("#room-list").getText().contains("안녕하세요")
				|| this.phone.find("#room-list").getText().contains("a-very-long"));
		assertThat(this.phone.scrollsSideways()).isFalse();
		this.phone.screenshot("lobby-ko-390");
		assertThat(this.phone.scriptProblems()).isEmpty();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
