package io.stompchat.system;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The {@code chat.*} settings as Spring Boot binds them at start-up: from environment
 * variables, and refused with a message naming the property when out of range.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChatPropertiesTests {

	@Test
	void settingsGivenAsEnvironmentVariablesTakeEffect() {
		Map<String, Object> variables = Map.of("CHAT_LIMITS_FRAME_SIZE", "1234", "CHAT_LOGIN_LOCKOUT", "2m",
				"CHAT_BROKER_RELAY_VIRTUAL_HOST", "chat", "CHAT_ALLOWED_ORIGINS", "https://a.example,https://b.example",
				"CHAT_HEARTBEAT_MS", "0", "CHAT_WEBSOCKET_DEFLATE", "true");
		try (ConfigurableApplicationContext context = start(variables)) {
			ChatProperties properties = context.getBean(ChatProperties.class);
			assertThat(properties.limits().frameSize()).isEqualTo(1234);
			assertThat(properties.login().lockout()).isEqualTo(Duration.ofMinutes(2));
			assertThat(properties.broker().relay().virtualHost()).isEqualTo("chat");
			assertThat(properties.allowedOrigins()).containsExactly("https://a.example", "https://b.example");
			assertThat(properties.heartbeatMs()).isZero();
			assertThat(properties.websocket().deflate()).isTrue();
			assertThat(properties.limits().requestBody()).as("a default").isEqualTo(65536);
		}
	}

	@Test
	void aNegativeLimitStopsTheStartNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(Map.of("CHAT_LIMITS_FRAME_SIZE", "-1")).close());
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("chat.limits.frame-size must be at least 1, was -1");
	}

	@Test
	void aZeroWindowStopsTheStartNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(Map.of("CHAT_LIMITS_RATE_WINDOW", "0s")).close());
		assertThat(output).contains("chat.limits.rate-window must be a positive duration");
	}

	@Test
	void aRelayPortOutOfRangeStopsTheStartNamingTheProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(Map.of("CHAT_BROKER_RELAY_PORT", "70000")).close());
		assertThat(output).contains("chat.broker.relay.port must be a TCP port (1-65535), was 70000");
	}

	/**
	 * Starts an application that only binds the settings, with the variables in place of
	 * the process environment.
	 */
	private static ConfigurableApplicationContext start(Map<String, Object> variables) {
		return new SpringApplicationBuilder(Settings.class).web(WebApplicationType.NONE)
			.initializers((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								variables)))
			.run("--spring.jmx.enabled=false");
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ChatProperties.class)
	static class Settings {

	}

}
