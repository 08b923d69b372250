package io.stompchat;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the chat. Periodic work (presence snapshots and sweeps, typing expiry, lobby
 * updates) is plain {@code @Scheduled} methods on Spring's scheduler.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ChatApplication {

	public static void main(String[] args) {
		SpringApplication.run(ChatApplication.class, args);
	}

}
