package io.stompchat.message;

/**
 * Published after a message was stored and broadcast.
 *
 * @param message the message
 * @param sessionId the STOMP session it came from, or null
 */
public record MessagePosted(MessageView message, String sessionId) {

}
