package io.stompchat.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's configuration table says what the build's configuration metadata says:
 * every {@code chat.*} setting of {@link ChatProperties} appears there with its default.
 */
class ConfigurationDocsTests {

	@Test
	void everyChatSettingIsInTheReadmeWithItsDefault() throws IOException {
		JsonNode metadata = JsonMapper.builder()
			.build()
			.readTree(Path.of("target/classes/META-INF/spring-configuration-metadata.json").toFile());
		List<JsonNode> settings = metadata.get("properties")
			.valueStream()
			.filter((property) -> property.get("name").asString().startsWith("chat."))
			.toList();
		assertThat(settings).as("chat.* settings in the metadata").hasSizeGreaterThan(20);
		List<String> readme = Files.readAllLines(Path.of("README.md"));
		for (JsonNode setting : settings) {
			String name = setting.get("name").asString();
			List<String> rows = readme.stream().filter((line) -> line.startsWith("| `" + name + "` |")).toList();
			assertThat(rows).as("README rows for %s", name).hasSize(1);
			assertThat(setting.get("description")).as("description of %s", name).isNotNull();
			JsonNode value = setting.get("defaultValue");
			if (value != null) {
				assertThat(rows.get(0)).as("README row for %s", name).contains("| `" + value.asString() + "` |");
			}
		}
	}

}
