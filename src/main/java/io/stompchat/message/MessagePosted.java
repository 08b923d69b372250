package io.stompchat.message;

/**
 * Published after a message (a chat line, a JOIN or a LEAVE) was stored and broadcast.
 *
 * @param message the message
 */
public record MessagePosted(MessageView message) {

}
