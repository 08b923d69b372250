package io.stompchat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Users, rooms and who is in which: {@code rooms} rooms of {@code members} members drawn from
 * {@code users} users (room r's k-th member is user (r·members + k) mod users), one connection
 * per user subscribed to each of its rooms and to its errors queue. Fan-out is 1 room whose
 * members are all the users.
 */
final class Topology implements AutoCloseable {

	final List<String> rooms = new ArrayList<>();

	final int members;

	/** How many of each room's members take turns at sending (the first ones); all by default. */
	volatile int senders;

	final List<SignIn.Session> users;

	final List<Client> clients = new ArrayList<>();

	private final List<List<Integer>> roomsOfUser = new ArrayList<>();

	private Topology(List<String> rooms, int members, List<SignIn.Session> users) {
		this.rooms.addAll(rooms);
		this.members = members;
		this.senders = members;
		this.users = users;
		for (int u = 0; u < users.size(); u++) {
			this.roomsOfUser.add(new ArrayList<>());
		}
		for (int r = 0; r < rooms.size(); r++) {
			for (int k = 0; k < members; k++) {
				this.roomsOfUser.get(member(r, k)).add(r);
			}
		}
	}

	int member(int room, int k) {
		return (room * this.members + k) % this.users.size();
	}

	/** Signs users in, creates the rooms, connects, subscribes, joins, and waits until every connection hears its rooms. */
	static Topology open(HttpClient http, URI base, String roomPrefix, int roomCount, int members, int userCount,
			String userPrefix, Meter meter) throws Exception {
		if (members > userCount) {
			throw new IllegalArgumentException("members per room (" + members + ") > users (" + userCount + ")");
		}
		SignIn signIn = new SignIn(http, base);
		long t0 = System.nanoTime();
		List<SignIn.Session> users = signIn.users(userPrefix, userCount, 4);
		Log.info("signed in %d users in %.1f s", userCount, (System.nanoTime() - t0) / 1e9);
		List<String> rooms = new ArrayList<>();
		for (int r = 0; r < roomCount; r++) {
			String id = (roomCount == 1) ? roomPrefix : roomPrefix + "-" + r;
			signIn.createRoom(users.get(0), id);
			rooms.add(id);
		}
		Topology t = new Topology(rooms, members, users);
		t.connect(http, base, meter);
		return t;
	}

	private void connect(HttpClient http, URI base, Meter meter) throws Exception {
		long t0 = System.nanoTime();
		List<CompletableFuture<Client>> pending = new ArrayList<>();
		for (int u = 0; u < this.users.size(); u++) {
			pending.add(Client.connect(http, base, this.users.get(u), meter, 0));
			if (pending.size() >= 50) {
				drain(pending);
			}
		}
		drain(pending);
		for (int u = 0; u < this.clients.size(); u++) {
			Client c = this.clients.get(u);
			c.subscribe("e", "/user/queue/errors");
			for (int r : this.roomsOfUser.get(u)) {
				c.subscribe("s" + r, "/topic/room." + this.rooms.get(r));
				c.join(this.rooms.get(r));
			}
		}
		Log.info("connected %d clients in %.1f s", this.clients.size(), (System.nanoTime() - t0) / 1e9);
		awaitProbes();
	}

	private void drain(List<CompletableFuture<Client>> pending) throws Exception {
		for (CompletableFuture<Client> f : pending) {
			this.clients.add(f.get(60, TimeUnit.SECONDS));
		}
		pending.clear();
	}

	/** Each room's first member sends {@code t=0} probes until every member has heard one per room. */
	private void awaitProbes() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
		long probe = 0;
		while (System.nanoTime() < deadline) {
			for (int r = 0; r < this.rooms.size(); r++) {
				this.clients.get(member(r, 0)).chat(this.rooms.get(r), 0, "probe-" + System.nanoTime() + "-" + probe++);
			}
			long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
			while (System.nanoTime() < until) {
				if (allHeard()) {
					Log.info("every subscription is live");
					awaitQuiet();
					return;
				}
				Thread.sleep(50);
			}
		}
		throw new IllegalStateException("subscriptions not live after 120 s");
	}

	/**
	 * Waits until the room events of the set-up (each member's JOIN and presence, broadcast to every
	 * member: a million frames for 1,000 members of one room) have all arrived, so that the warm-up
	 * pass does not queue behind them.
	 */
	private void awaitQuiet() throws InterruptedException {
		long t0 = System.nanoTime();
		long deadline = t0 + TimeUnit.SECONDS.toNanos(300);
		long seen = -1;
		long now = others();
		while (now != seen && System.nanoTime() < deadline) {
			seen = now;
			Thread.sleep(2000);
			now = others();
		}
		Log.info("set-up room events settled: %d received, quiet after %.1f s", now, (System.nanoTime() - t0) / 1e9);
	}

	private boolean allHeard() {
		for (int u = 0; u < this.clients.size(); u++) {
			if (this.clients.get(u).probes.get() < this.roomsOfUser.get(u).size()) {
				return false;
			}
		}
		return true;
	}

	/** Message i: room i mod rooms, sent by that room's ((i / rooms) mod senders)-th member. */
	void send(long i, long intendedMicros, String clientIdPrefix) {
		int r = (int) (i % this.rooms.size());
		int k = (int) ((i / this.rooms.size()) % this.senders);
		this.clients.get(member(r, k)).chat(this.rooms.get(r), intendedMicros, clientIdPrefix + i);
	}

	/** Message i in the first room, sent by its k-th member. */
	void sendFrom(int k, long i, long intendedMicros, String clientIdPrefix) {
		this.clients.get(member(0, k)).chat(this.rooms.get(0), intendedMicros, clientIdPrefix + i);
	}

	long others() {
		long n = 0;
		for (Client c : this.clients) {
			n += c.others.get();
		}
		return n;
	}

	long errors() {
		long n = 0;
		for (Client c : this.clients) {
			n += c.errors.get();
		}
		return n;
	}

	@Override
	public void close() {
		for (Client c : this.clients) {
			c.close();
		}
	}

}
