package io.stompchat.presence;

import java.util.List;

/**
 * Published on the instance that saw the change, after the new {@code PRESENCE} snapshot
 * of a room was broadcast.
 *
 * @param roomId the room
 * @param online the users online in it now, sorted
 */
public record PresenceChanged(String roomId, List<String> online) {

}
