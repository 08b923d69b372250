package io.stompchat.system.stomp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.stompchat.ChatApplication;
import io.stompchat.system.Destinations;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/API.md documents every STOMP destination a client can send or subscribe to: each
 * {@code @MessageMapping} and {@code @SubscribeMapping} of every controller appears there
 * as {@code /app/...}, whatever its placeholder is called ({@code {roomId}} in code,
 * {@code {id}} in the docs).
 */
class StompDestinationsDocsTests {

	/**
	 * The catch-all of {@link UnknownDestinations}, which answers what no handler serves.
	 */
	private static final String CATCH_ALL = "**";

	@Test
	void everyStompDestinationIsDocumented() throws IOException {
		String docs = Files.readString(Path.of("docs/API.md"));
		List<String> destinations = destinations();
		assertThat(destinations).as("STOMP destinations of the controllers").hasSizeGreaterThanOrEqualTo(6);
		List<String> undocumented = destinations.stream()
			.filter((destination) -> !inBackticks(destination).matcher(docs).find())
			.toList();
		assertThat(undocumented).as("destinations missing from docs/API.md").isEmpty();
	}

	@Test
	void aDestinationNotInTheDocsIsFound() {
		assertThat(inBackticks("/app/room.{roomId}.join").matcher("`/app/room.{id}.join`").find()).isTrue();
		assertThat(inBackticks("/app/room.{roomId}.shout").matcher("`/app/room.{id}.join`").find()).isFalse();
	}

	/**
	 * Every {@code /app} destination of the {@code @Controller}s in the application.
	 */
	private static List<String> destinations() {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
		List<String> destinations = new ArrayList<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents(ChatApplication.class.getPackageName())) {
			Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), null);
			MessageMapping onType = AnnotatedElementUtils.findMergedAnnotation(type, MessageMapping.class);
			String prefix = (onType != null && onType.value().length > 0) ? onType.value()[0] : "";
			ReflectionUtils.doWithMethods(type, (method) -> {
				MessageMapping message = AnnotatedElementUtils.findMergedAnnotation(method, MessageMapping.class);
				SubscribeMapping subscribe = AnnotatedElementUtils.findMergedAnnotation(method, SubscribeMapping.class);
				List<String> patterns = new ArrayList<>();
				if (message != null) {
					patterns.addAll(List.of(message.value()));
				}
				if (subscribe != null) {
					patterns.addAll(List.of(subscribe.value()));
				}
				patterns.stream()
					.filter((pattern) -> !pattern.equals(CATCH_ALL))
					.forEach((pattern) -> destinations.add(Destinations.APP + "/" + prefix + pattern));
			});
		}
		return destinations;
	}

	/**
	 * The destination in backticks, any placeholder name allowed.
	 */
	private static Pattern inBackticks(String destination) {
		String regex = Pattern.quote(destination).replaceAll("\\{[^}]+}", "\\\\E\\\\{[^}]+}\\\\Q");
		return Pattern.compile("`" + regex + "`");
	}

}
