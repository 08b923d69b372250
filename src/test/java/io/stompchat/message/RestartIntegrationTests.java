package io.stompchat.message;

import java.nio.file.Path;

import io.stompchat.support.Instances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default set-up keeps history in H2 on disk: a restarted server on the same data
 * folder still serves it, and seq goes on where it stopped.
 */
class RestartIntegrationTests {

	@TempDir
	Path data;

	@Test
	void historySurvivesARestartOnTheSameDataFolder() {
		String url = "jdbc:h2:file:" + this.data.resolve("stomp-chat").toAbsolutePath() + ";DB_CLOSE_ON_EXIT=FALSE";
		try (ConfigurableApplicationContext first = start(url)) {
			MessagePosting posting = first.getBean(MessagePosting.class);
			posting.join("general", "rita", null);
			posting.chat("general", "rita", "before the restart", "r-1");
		}
		try (ConfigurableApplicationContext second = start(url)) {
			HistoryPage page = second.getBean(MessageHistory.class).latest("general");
			assertThat(page.messages()).extracting(MessageView::seq).containsExactly(1L, 2L);
			assertThat(page.messages()).extracting(MessageView::text).containsExactly(null, "before the restart");
			MessageView next = second.getBean(MessagePosting.class)
				.chat("general", "rita", "after the restart", "r-2")
				.orElseThrow();
			assertThat(next.seq()).isEqualTo(3L);
			assertThat(second.getBean(MessagePosting.class).chat("general", "rita", "again", "r-1")).isEmpty();
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		return Instances.start("spring.datasource.url=" + url);
	}

}
