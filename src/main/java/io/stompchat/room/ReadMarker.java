package io.stompchat.room;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * The highest seq a user has read in a room. It starts at the user's first JOIN of the
 * room and never moves backwards.
 */
@Entity
@Table(name = "read_markers")
@IdClass(ReadMarker.Key.class)
class ReadMarker {

	@Id
	@Column(name = "room_id")
	private String roomId;

	@Id
	private String username;

	@Column(nullable = false)
	private long seq;

	protected ReadMarker() {
	}

	ReadMarker(String roomId, String username, long seq) {
		this.roomId = roomId;
		this.username = username;
		this.seq = seq;
	}

	record Key(String roomId, String username) implements Serializable {
	}

}
