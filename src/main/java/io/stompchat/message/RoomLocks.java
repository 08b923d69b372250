package io.stompchat.message;

import java.util.Collection;
import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

/**
 * Striped locks that keep one instance's publishing of a room in seq order: a writer
 * holds its room's stripe from taking the seq until the line is handed to the broker.
 * Writers of several rooms ({@link GroupCommit}) take their stripes in ascending order,
 * always before any row lock in the database, so that two writers never wait for each
 * other.
 * <p>
 * A stripe is a permit, not a lock owned by a thread: {@link GroupCommit}'s leader takes
 * the stripes of a batch, and the caller that publishes a stripe's lines releases it.
 */
@Component
class RoomLocks {

	static final int STRIPES = 64;

	private final Semaphore[] stripes = new Semaphore[STRIPES];

	RoomLocks() {
		for (int i = 0; i < STRIPES; i++) {
			this.stripes[i] = new Semaphore(1, true);
		}
	}

	static int stripe(String roomId) {
		return Math.floorMod(roomId.hashCode(), STRIPES);
	}

	/**
	 * Takes the stripe of one room.
	 * @param roomId the room
	 * @return the stripe, for {@link #release(int)}
	 */
	int lock(String roomId) {
		int stripe = stripe(roomId);
		this.stripes[stripe].acquireUninterruptibly();
		return stripe;
	}

	/**
	 * Takes the stripes of several rooms, in ascending order.
	 * @param stripes distinct stripes, ascending (from {@link #stripe(String)})
	 */
	void lockAll(Collection<Integer> stripes) {
		int previous = -1;
		for (int stripe : stripes) {
			if (stripe <= previous) {
				throw new IllegalArgumentException("stripes must be distinct and ascending: " + stripes);
			}
			this.stripes[stripe].acquireUninterruptibly();
			previous = stripe;
		}
	}

	void release(int stripe) {
		this.stripes[stripe].release();
	}

	/**
	 * Whether a writer waits for a stripe (for tests).
	 * @param stripe the stripe
	 * @return whether a thread waits to take it
	 */
	boolean isWaitedFor(int stripe) {
		return this.stripes[stripe].hasQueuedThreads();
	}

}
