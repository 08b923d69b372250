package io.stompchat.system;

import java.util.regex.Pattern;

/**
 * The rule for room ids, safe inside a STOMP destination on every broker: no dots, no
 * wildcards.
 */
public final class RoomIds {

	public static final String PATTERN = "[a-z0-9][a-z0-9-]{0,63}";

	private static final Pattern ROOM_ID = Pattern.compile(PATTERN);

	private RoomIds() {
	}

	public static boolean isValid(String id) {
		return id != null && ROOM_ID.matcher(id).matches();
	}

}
