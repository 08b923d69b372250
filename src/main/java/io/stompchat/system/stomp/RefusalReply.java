package io.stompchat.system.stomp;

/**
 * What {@code /user/queue/errors} receives for a refused SEND or SUBSCRIBE; the
 * connection stays open.
 *
 * @param status the refusal in its HTTP sense: 400 invalid, 403 not allowed, 404 unknown
 * room, 429 too many
 * @param error a stable, machine-readable code
 * @param detail a sentence for people
 * @param destination the destination of the refused frame
 */
record RefusalReply(int status, String error, String detail, String destination) {

}
