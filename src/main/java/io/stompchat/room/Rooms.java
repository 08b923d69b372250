package io.stompchat.room;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.Repository;

interface Rooms extends Repository<Room, String> {

	Optional<Room> findById(String id);

	boolean existsById(String id);

	boolean existsByNameKey(String nameKey);

	List<Room> findAllByOrderByLastActivityAtDescIdAsc();

	Room saveAndFlush(Room room);

}
