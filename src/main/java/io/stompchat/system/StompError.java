package io.stompchat.system;

/**
 * What {@code /user/queue/errors} receives for a refused SEND.
 *
 * @param status the refusal in its HTTP sense: 400 invalid, 403 not allowed, 404 unknown
 * room, 429 too many
 * @param error a stable, machine-readable code
 * @param detail a sentence for people
 * @param destination the destination of the refused frame
 */
public record StompError(int status, String error, String detail, String destination) {

}
