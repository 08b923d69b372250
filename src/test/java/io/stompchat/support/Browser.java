package io.stompchat.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven by the Debian chromedriver: never a downloaded
 * browser or driver (no Selenium Manager). Helpers speak the pages' language: sign up,
 * enter a room, send a line, read the lines by seq.
 */
public final class Browser implements AutoCloseable {

	/** Where Debian's {@code chromium} and {@code chromium-driver} packages install. */
	public static final File CHROMIUM = new File("/usr/bin/chromium");

	public static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	public static final String MISSING = "Chromium not installed: apt-get install -y chromium chromium-driver";

	private static final Duration TIMEOUT = Duration.ofSeconds(20);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/**
	 * Where {@link #screenshotForDocs} also copies its shots: only when asked, with
	 * {@code -Dscreenshots.docs=docs/screenshots}, so that a build never rewrites tracked
	 * files.
	 */
	private static final String DOCS_PROPERTY = "screenshots.docs";

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	private Browser(ChromeDriver driver, Path profile, String baseUrl) {
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	public static boolean available() {
		return CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
	}

	/**
	 * Starts a browser; skips the calling test when Chromium is not installed (fails it
	 * under CI).
	 * @param baseUrl the application, e.g. {@code http://localhost:8080}
	 * @param language the Accept-Language and UI language, e.g. {@code en} or {@code ko}
	 * @param width window width in CSS pixels
	 * @param height window height in CSS pixels
	 * @return the browser
	 */
	public static Browser start(String baseUrl, String language, int width, int height) {
		Required.that(available(), MISSING);
		Path profile;
		try {
			profile = Files.createTempDirectory("stomp-chat-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-default-apps", "--disable-extensions", "--user-data-dir=" + profile,
				"--window-size=" + width + "," + height, "--lang=" + language);
		Map<String, Object> prefs = new HashMap<>();
		prefs.put("intl.accept_languages", language);
		// desktop notifications allowed, as if the user had said yes: a page still asks
		// only after a gesture, and then gets "granted" at once
		prefs.put("profile.default_content_setting_values.notifications", 1);
		options.setExperimentalOption("prefs", prefs);
		options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().scriptTimeout(TIMEOUT);
		// headless windows are at least 500 px wide: emulate the exact viewport (a phone
		// too)
		driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
		return new Browser(driver, profile, baseUrl);
	}

	public WebDriver driver() {
		return this.driver;
	}

	public void open(String path) {
		this.driver.get(this.baseUrl + path);
	}

	public String path() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	/**
	 * Creates an account through the sign-up page; the browser is then signed in, on the
	 * lobby.
	 * @param username the new user's name
	 * @param password the password
	 */
	public void signUp(String username, String password) {
		open("/signup");
		find("#username").sendKeys(username);
		find("#password").sendKeys(password);
		find("form button[type=submit]").click();
		waitUntil((d) -> path().equals("/"));
		waitUntil((d) -> "false".equals(find("#room-list").getAttribute("aria-busy")));
	}

	/**
	 * Creates a public room over the REST API with this browser's session.
	 * @param name the room name
	 * @param id the room id
	 */
	public void createRoom(String name, String id) {
		createRoom(name, id, "PUBLIC");
	}

	/**
	 * Creates a room over the REST API with this browser's session.
	 * @param name the room name
	 * @param id the room id
	 * @param kind {@code PUBLIC} or {@code PRIVATE}
	 * @param members the users added at once
	 */
	public void createRoom(String name, String id, String kind, String... members) {
		Object status = ((JavascriptExecutor) this.driver).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/api/csrf', {credentials: 'same-origin'}).then(r => r.json()).then(token =>
					fetch('/api/rooms', {method: 'POST', credentials: 'same-origin',
						headers: {'Content-Type': 'application/json', [token.headerName]: token.token},
						body: JSON.stringify({name: arguments[0], id: arguments[1], kind: arguments[2],
							members: arguments[3]})}))
					.then(r => done(r.status), e => done(String(e)));
				""", name, id, kind, List.of(members));
		if (!Long.valueOf(201).equals(status)) {
			throw new IllegalStateException("Creating room " + id + " answered " + status);
		}
	}

	/**
	 * Opens a public room this user is not a member of, presses Join and waits until the
	 * composer is there.
	 * @param roomId the room
	 * @param transport a SockJS transport to force, or null
	 */
	public void joinRoom(String roomId, String transport) {
		enterRoom(roomId, transport);
		find("#join").click();
		waitUntil((d) -> find("#text").isDisplayed() && find("#text").isEnabled());
	}

	/**
	 * The row of a room in the lobby's list of my conversations, read whole inside one
	 * round trip: its kind, the name shown and the preview; null when it is not listed.
	 * @param roomId the room
	 * @return kind, name and preview, or null
	 */
	@SuppressWarnings("unchecked")
	public List<String> lobbyRow(String roomId) {
		return (List<String>) script("""
				const row = Array.from(document.querySelectorAll('#room-list li'))
					.find((li) => li.dataset.roomId === arguments[0]);
				return row ? [row.dataset.kind, row.querySelector('.room-name').textContent,
					row.querySelector('.room-preview').textContent] : null;
				""", roomId);
	}

	/**
	 * Opens a room page and waits until it is live and its history is on screen.
	 * @param roomId the room
	 * @param transport a SockJS transport to force, or null
	 */
	public void enterRoom(String roomId, String transport) {
		open("/rooms/" + roomId + ((transport != null) ? "?transport=" + transport : ""));
		waitUntilLive();
	}

	public void waitUntilLive() {
		// live, the history on screen, and known whether I am a member (composer or Join)
		waitUntil((d) -> "live".equals(find("#conn-state").getAttribute("data-state"))
				&& "false".equals(find("#messages").getAttribute("aria-busy"))
				&& find("#main").getAttribute("data-kind") != null);
	}

	/** The SockJS transport the room page is using (after it went live). */
	public String transport() {
		return this.driver.findElement(By.tagName("body")).getAttribute("data-transport");
	}

	public String connectionState() {
		return find("#conn-state").getAttribute("data-state");
	}

	/**
	 * Types a message into the composer (Shift+Enter between its lines) and presses
	 * Enter.
	 * @param text the text
	 */
	public void send(String text) {
		WebElement input = find("#text");
		waitUntil((d) -> input.isEnabled());
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (i > 0) {
				input.sendKeys(Keys.chord(Keys.SHIFT, Keys.ENTER));
			}
			input.sendKeys(lines[i]);
		}
		input.sendKeys(Keys.ENTER);
	}

	/** Texts of the CHAT lines on screen, in order, exactly as stored. */
	public List<String> chatTexts() {
		return texts("#messages li[data-type=CHAT] .msg-text");
	}

	/** Texts of the JOIN and LEAVE lines on screen, in order. */
	public List<String> systemLines() {
		return texts("#messages li.msg-system .msg-system-text");
	}

	/** The seq of every line on screen, in screen order. */
	public List<Long> seqs() {
		return texts("#messages li[data-seq]", "dataset.seq").stream().map(Long::valueOf).toList();
	}

	private List<String> texts(String css) {
		return texts(css, "textContent");
	}

	/** One round trip for all lines, not one per line. */
	@SuppressWarnings("unchecked")
	private List<String> texts(String css, String property) {
		return (List<String>) script("return Array.from(document.querySelectorAll(arguments[0]))"
				+ ".map((e) => String(arguments[1].split('.').reduce((o, k) => o[k], e)));", css, property);
	}

	/**
	 * Posts many lines at once from the page's own composer ("{prefix} 1" to "{prefix}
	 * {count}"), faster than typing them, and waits until the last is shown.
	 * @param prefix the text before each line's number
	 * @param count how many lines
	 */
	public void sendNumbered(String prefix, int count) {
		script("""
				const input = document.getElementById('text');
				const form = document.getElementById('composer');
				for (let i = 1; i <= arguments[1]; i++) {
					input.value = arguments[0] + ' ' + i;
					input.dispatchEvent(new Event('input'));
					form.requestSubmit();
				}
				""", prefix, count);
		waitForChat(prefix + " " + count);
	}

	public void waitForChat(String text) {
		waitUntil((d) -> chatTexts().contains(text));
	}

	public void waitForSystemLine(String text) {
		waitUntil((d) -> systemLines().contains(text));
	}

	public WebElement find(String css) {
		return this.driver.findElement(By.cssSelector(css));
	}

	public Object script(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	/**
	 * Script errors and Content-Security-Policy violations logged by the pages since the
	 * last call.
	 * @return the console lines that report them
	 */
	public List<String> scriptProblems() {
		return this.driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((line) -> line.contains("Content Security Policy") || line.contains("Uncaught"))
			.toList();
	}

	/**
	 * Emulates the system's colour scheme ({@code prefers-color-scheme}).
	 * @param dark whether to prefer dark
	 */
	public void preferDark(boolean dark) {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
	}

	/** The viewport's width in CSS pixels. */
	public long viewportWidth() {
		return (Long) script("return document.documentElement.clientWidth;");
	}

	/** True when the page is wider than the window (a horizontal scroll bar). */
	public boolean scrollsSideways() {
		return (Boolean) script("return document.documentElement.scrollWidth > document.documentElement.clientWidth"
				+ " || document.body.scrollWidth > document.documentElement.clientWidth;");
	}

	/**
	 * Cuts this browser off the network (Chrome's network emulation), or connects it
	 * again.
	 * @param offline whether to go offline
	 */
	public void offline(boolean offline) {
		ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
		conditions.setOffline(offline);
		this.driver.setNetworkConditions(conditions);
	}

	public <T> T waitUntil(Function<WebDriver, T> condition) {
		// pages re-render lists as updates arrive: an element found a moment ago may be
		// gone
		WebDriverWait wait = new WebDriverWait(this.driver, TIMEOUT, Duration.ofMillis(100));
		wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
		return wait.until(condition);
	}

	/**
	 * Saves a screenshot under {@code target/screenshots}.
	 * @param name file name without extension
	 * @return the file
	 */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves a screenshot under {@code target/screenshots}, and a copy in the folder named
	 * by the system property {@code screenshots.docs} when it is set:
	 * {@code ./mvnw verify
	 * -Dtest='*BrowserTests' -Dscreenshots.docs=docs/screenshots} refreshes the README's
	 * pictures.
	 * @param name file name without extension
	 */
	public void screenshotForDocs(String name) {
		script("if (document.activeElement) { document.activeElement.blur(); }");
		Path shot = screenshot(name);
		String docs = System.getProperty(DOCS_PROPERTY, "");
		if (!docs.isBlank()) {
			try {
				Path folder = Path.of(docs);
				Files.createDirectories(folder);
				Files.copy(shot, folder.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteQuietly(this.profile);
		}
	}

	private static void deleteQuietly(Path directory) {
		try (var paths = Files.walk(directory)) {
			paths.sorted((a, b) -> b.compareTo(a)).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a temp directory: the OS cleans it up
		}
	}

}
