package io.stompchat.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English and Korean say the same things: the same keys, none empty, and every text a
 * page asks for ({@code #{key}}) exists in both.
 */
class MessageBundlesTests {

	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

	@Test
	void englishAndKoreanHaveTheSameKeys() throws IOException {
		Properties english = load("messages.properties");
		Properties korean = load("messages_ko.properties");
		assertThat(korean.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
		for (Properties bundle : new Properties[] { english, korean }) {
			bundle.stringPropertyNames().forEach((key) -> assertThat(bundle.getProperty(key)).as(key).isNotBlank());
		}
	}

	@Test
	void everyTextAPageUsesExists() throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
			for (Path template : templates.filter((path) -> path.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).isNotEmpty();
		assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
		assertThat(load("messages_ko.properties").stringPropertyNames()).containsAll(used);
	}

	@Test
	void koreanSaysJoinAndLeaveTheKoreanWay() throws IOException {
		Properties korean = load("messages_ko.properties");
		assertThat(korean.getProperty("message.joined")).isEqualTo("{0}님이 입장하셨습니다");
		assertThat(korean.getProperty("message.left")).isEqualTo("{0}님이 퇴장하셨습니다");
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
