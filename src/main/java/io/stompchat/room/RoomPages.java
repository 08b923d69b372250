package io.stompchat.room;

import java.security.Principal;

import io.stompchat.system.RoomIds;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

@Controller
class RoomPages {

	private final Rooms rooms;

	RoomPages(Rooms rooms) {
		this.rooms = rooms;
	}

	@GetMapping("/")
	String lobby(Model model, Principal user) {
		model.addAttribute("username", user.getName());
		return "lobby";
	}

	@GetMapping("/rooms/{id}")
	String room(@PathVariable String id, Model model, Principal user) {
		Room room = (RoomIds.isValid(id) ? this.rooms.findById(id) : java.util.Optional.<Room>empty())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("room", new RoomPage(room.getId(), room.getName()));
		model.addAttribute("username", user.getName());
		return "room";
	}

	record RoomPage(String id, String name) {
	}

}
