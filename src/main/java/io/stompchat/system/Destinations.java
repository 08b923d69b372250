package io.stompchat.system;

/**
 * Every STOMP destination of the contract, spelled once. Broker destinations use dots
 * after the prefix ({@code /topic/room.general}), which the in-memory broker, RabbitMQ
 * and Artemis all accept; clients publish only through {@link #APP}.
 */
public final class Destinations {

	/** Prefix of the destinations clients SEND to; handled by {@code @MessageMapping}. */
	public static final String APP = "/app";

	/** Prefix of a user's own queues, resolved per session. */
	public static final String USER = "/user";

	/** Prefix of broadcast destinations, written by the server alone. */
	public static final String TOPIC = "/topic";

	/**
	 * Prefix of point-to-point destinations, reached by clients through {@link #USER}.
	 */
	public static final String QUEUE = "/queue";

	/** A user's refusals, relative to {@link #USER}: {@code /user/queue/errors}. */
	public static final String ERRORS = "/queue/errors";

	/**
	 * A user's live room summaries, relative to {@link #USER}: {@code /user/queue/rooms}.
	 */
	public static final String ROOMS = "/queue/rooms";

	/** Topic the relay broadcasts unresolved user destinations on. */
	public static final String UNRESOLVED_USER = "/topic/chat.unresolved-user";

	/** Topic the relay shares the user registry on. */
	public static final String USER_REGISTRY = "/topic/chat.user-registry";

	/**
	 * Where, through the broker relay, one instance hands every instance payloads for
	 * users' own queues (see {@code UserQueues}); no client may subscribe.
	 */
	public static final String USER_QUEUES = "/topic/chat.user-queues";

	/**
	 * Header of a LEAVE event on a room's topic naming who left or was removed: their
	 * sessions receive that event and nothing more on that subscription.
	 */
	public static final String LEFT_HEADER = "chat-left";

	/** Room commands, relative to {@link #APP}: {@code room.{roomId}.chat} and so on. */
	public static final String ROOM_COMMAND = "room.{roomId}.";

	private static final String ROOM_TOPIC = TOPIC + "/room.";

	/** A room's topic as a regular expression, the room id in group 1. */
	public static final String ROOM_TOPIC_PATTERN = "/topic/room\\.(" + RoomIds.PATTERN + ")";

	/** A room's history subscription as a regular expression, the room id in group 1. */
	public static final String ROOM_HISTORY_PATTERN = "/app/room\\.(" + RoomIds.PATTERN + ")\\.history";

	private Destinations() {
	}

	/**
	 * Room commands as a regular expression.
	 * @param commands the commands, such as {@code chat}
	 * @return a pattern matching {@code /app/room.{roomId}.{command}} for any of them
	 */
	public static String roomCommandPattern(String... commands) {
		return APP + "/room\\.[^.]+\\.(" + String.join("|", commands) + ")";
	}

	/**
	 * The topic of a room: every stored event and the ephemeral ones.
	 * @param roomId the room
	 * @return {@code /topic/room.{roomId}}
	 */
	public static String roomTopic(String roomId) {
		return ROOM_TOPIC + roomId;
	}

	/**
	 * The user-facing form of a user-relative queue.
	 * @param queue {@link #ERRORS} or {@link #ROOMS}
	 * @return {@code /user/queue/…}
	 */
	public static String userQueue(String queue) {
		return USER + queue;
	}

}
