package io.stompchat.room;

import java.security.Principal;

import io.stompchat.member.RoomAccess;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
class RoomPages {

	private final Rooms rooms;

	private final RoomAccess access;

	RoomPages(Rooms rooms, RoomAccess access) {
		this.rooms = rooms;
		this.access = access;
	}

	@GetMapping("/")
	String lobby(Model model, Principal user) {
		model.addAttribute("username", user.getName());
		return "lobby";
	}

	@GetMapping("/rooms/{id}")
	String room(@PathVariable String id, Model model, Principal user) {
		if (!this.access.of(id, user.getName()).canRead()) {
			// a room the user may not read looks like one that does not exist
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Room room = this.rooms.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("room", new RoomPage(room.getId(), room.nameFor(user.getName())));
		model.addAttribute("username", user.getName());
		return "room";
	}

	record RoomPage(String id, String name) {
	}

}
