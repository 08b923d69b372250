package io.stompchat.system;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.stompchat.system.stomp.Connections;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.messaging.simp.user.SimpSession;
import org.springframework.messaging.simp.user.SimpSubscription;
import org.springframework.messaging.simp.user.SimpUser;
import org.springframework.messaging.simp.user.SimpUserRegistry;
import org.springframework.stereotype.Component;

/**
 * Sends to users' own queues ({@code /user/queue/...}), to every session each user has
 * open, on whichever instance, at once.
 * <p>
 * Spring's {@code convertAndSendToUser} cannot be used for this. Through the broker relay
 * it looks sessions up in a user registry that other instances broadcast every ten
 * seconds, so a user who connected to another instance a moment ago is not found (or only
 * their closed sessions are), and whatever was sent is lost; and to a user with two
 * sessions it fails on the second when publish order is preserved ("Expected mutable
 * SimpMessageHeaderAccessor", Spring Framework 7.0.10).
 * <p>
 * So every instance delivers only to its own sessions, which it knows exactly
 * ({@link Connections}). On the in-memory broker that is the whole story. Through the
 * relay, one message to the broker topic {@link Destinations#USER_QUEUES}, which every
 * instance's system connection subscribes to (and no client may), carries the payload of
 * each user; each instance, the sender included, delivers to its own sessions of those
 * users. A session's user queue is the broker destination Spring's user destination
 * resolver gives it ({@code /queue/rooms-user{session id}}), sent with the original
 * destination for the client to see.
 */
@Component
public class UserQueues {

	private static final Log logger = LogFactory.getLog(UserQueues.class);

	private final Connections connections;

	private final SimpMessageSendingOperations broker;

	private final JsonMapper json;

	private final SimpUserRegistry registry;

	private final boolean relay;

	UserQueues(Connections connections, SimpMessageSendingOperations broker, JsonMapper json, SimpUserRegistry registry,
			ChatProperties properties) {
		this.connections = connections;
		this.registry = registry;
		this.broker = broker;
		this.json = json;
		this.relay = properties.broker().relay().enabled();
	}

	/**
	 * Of these users, those listening on a queue: with a session subscribed to it, on
	 * this instance or, through the relay, on another one as far as the user registry
	 * knows. That registry is up to ten seconds old, so a user who has just subscribed on
	 * another instance is missed for that long by whoever asks this; {@link #send} itself
	 * has no such gap.
	 * @param queue the queue, such as {@link Destinations#ROOMS}
	 * @param usernames the users
	 * @return those listening
	 */
	public List<String> listening(String queue, Collection<String> usernames) {
		String destination = Destinations.userQueue(queue);
		return usernames.stream().filter((name) -> listens(this.registry.getUser(name), destination)).toList();
	}

	private static boolean listens(SimpUser user, String destination) {
		if (user == null) {
			return false;
		}
		for (SimpSession session : user.getSessions()) {
			for (SimpSubscription subscription : session.getSubscriptions()) {
				if (destination.equals(subscription.getDestination())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Sends one payload to one user's queue.
	 * @param queue the queue, such as {@link Destinations#ROOMS}
	 * @param username the user
	 * @param payload what to send
	 */
	public void send(String queue, String username, Object payload) {
		send(queue, Map.of(username, payload));
	}

	/**
	 * Sends each user their own payload on the same queue, in one broker message through
	 * the relay.
	 * @param queue the queue, such as {@link Destinations#ROOMS}
	 * @param payloads each user's payload
	 */
	public void send(String queue, Map<String, ?> payloads) {
		if (payloads.isEmpty()) {
			return;
		}
		if (this.relay) {
			this.broker.convertAndSend(Destinations.USER_QUEUES, new Delivery(queue, payloads));
		}
		else {
			deliverHere(queue, payloads);
		}
	}

	/**
	 * Delivers a {@link Delivery} that came from the broker to this instance's sessions.
	 * @param message the broker's message
	 */
	void receive(Message<?> message) {
		if (!(message.getPayload() instanceof byte[] body)) {
			return;
		}
		try {
			JsonNode delivery = this.json.readTree(body);
			String queue = delivery.path("queue").asString();
			if (!queue.startsWith(Destinations.QUEUE + "/")) {
				return;
			}
			Map<String, JsonNode> payloads = new LinkedHashMap<>();
			delivery.path("payloads").properties().forEach((entry) -> payloads.put(entry.getKey(), entry.getValue()));
			deliverHere(queue, payloads);
		}
		catch (JacksonException ex) {
			logger.warn("Ignored an unreadable delivery on " + Destinations.USER_QUEUES, ex);
		}
	}

	private void deliverHere(String queue, Map<String, ?> payloads) {
		Map<String, List<String>> sessions = this.connections.sessionsHere(payloads.keySet());
		Map<String, Object> headers = Map.of(SimpMessageHeaderAccessor.ORIGINAL_DESTINATION,
				Destinations.userQueue(queue));
		sessions.forEach((username, ids) -> {
			Object payload = payloads.get(username);
			for (String id : ids) {
				this.broker.convertAndSend(queue + "-user" + id, payload, new HashMap<>(headers));
			}
		});
	}

	/**
	 * What goes to {@link Destinations#USER_QUEUES}.
	 *
	 * @param queue the users' queue
	 * @param payloads each user's payload
	 */
	record Delivery(String queue, Map<String, ?> payloads) {

	}

	/**
	 * Subscribes the relay's system connection to {@link Destinations#USER_QUEUES},
	 * beside Spring's own user registry and unresolved-destination topics.
	 */
	@Component
	static class RelaySubscription implements BeanPostProcessor {

		private final ObjectProvider<UserQueues> queues;

		RelaySubscription(ObjectProvider<UserQueues> queues) {
			this.queues = queues;
		}

		@Override
		public Object postProcessAfterInitialization(Object bean, String beanName) {
			if (bean instanceof StompBrokerRelayMessageHandler relay) {
				Map<String, MessageHandler> subscriptions = new HashMap<>(relay.getSystemSubscriptions());
				subscriptions.put(Destinations.USER_QUEUES, (message) -> this.queues.getObject().receive(message));
				relay.setSystemSubscriptions(subscriptions);
			}
			return bean;
		}

	}

}
