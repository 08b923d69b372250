package io.stompchat.message;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * Turns stored rows into what clients see, the current state of every CHAT included, with
 * at most two more queries for any number of rows: one for the reactions, one for the
 * lines quoted by replies.
 */
@Component
class MessageViews {

	/** The most code points of a quoted line shown in a reply. */
	static final int EXCERPT = 100;

	private final Messages messages;

	private final MessageReactions reactions;

	MessageViews(Messages messages, MessageReactions reactions) {
		this.messages = messages;
		this.reactions = reactions;
	}

	List<MessageView> of(List<ChatMessage> rows) {
		return of(rows, this::reactionsOf);
	}

	/**
	 * The views of some rows whose reactions the caller read already, in the order they
	 * were made, in a query of its own (reactions of other rows are ignored).
	 * @param rows the rows
	 * @param reactions their reactions, and maybe others
	 * @return the views
	 */
	List<MessageView> of(List<ChatMessage> rows, List<MessageReaction> reactions) {
		return of(rows, (chats, ids) -> reactions);
	}

	private List<MessageView> of(List<ChatMessage> rows,
			BiFunction<List<ChatMessage>, Set<Long>, List<MessageReaction>> reader) {
		List<ChatMessage> chats = rows.stream()
			.filter((row) -> row.getType() == MessageType.CHAT && !row.isDeleted())
			.toList();
		Map<Long, List<MessageView.Reaction>> reactionsById = reactionsOf(chats, reader);
		Map<String, ChatMessage> quoted = quotedBy(chats);
		List<MessageView> views = new ArrayList<>(rows.size());
		for (ChatMessage row : rows) {
			MessageView.Reply reply = null;
			if (row.getReplyTo() != null) {
				ChatMessage line = quoted.get(key(row.getRoomId(), row.getReplyTo()));
				reply = (line != null) ? reply(line) : null;
			}
			views.add(row.toView(reply, reactionsById.getOrDefault(row.getId(), List.of())));
		}
		return views;
	}

	MessageView of(ChatMessage row) {
		return of(List.of(row)).get(0);
	}

	static MessageView.Reply reply(ChatMessage quoted) {
		return new MessageView.Reply(quoted.getSeq(), quoted.getSender(),
				quoted.isDeleted() ? null : excerpt(quoted.getText()));
	}

	/**
	 * The start of a text, cut between code points, never inside a surrogate pair.
	 * @param text the text
	 * @return its first {@value #EXCERPT} code points
	 */
	static String excerpt(String text) {
		if (text == null || text.codePointCount(0, text.length()) <= EXCERPT) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, EXCERPT));
	}

	private Map<Long, List<MessageView.Reaction>> reactionsOf(List<ChatMessage> chats,
			BiFunction<List<ChatMessage>, Set<Long>, List<MessageReaction>> reader) {
		if (chats.isEmpty()) {
			return Map.of();
		}
		Set<Long> ids = chats.stream().map(ChatMessage::getId).collect(Collectors.toSet());
		Map<Long, Map<String, List<String>>> byMessage = new HashMap<>();
		for (MessageReaction reaction : reader.apply(chats, ids)) {
			if (!ids.contains(reaction.getMessageId())) {
				continue;
			}
			byMessage.computeIfAbsent(reaction.getMessageId(), (id) -> new LinkedHashMap<>())
				.computeIfAbsent(reaction.getEmoji(), (emoji) -> new ArrayList<>())
				.add(reaction.getUsername());
		}
		Map<Long, List<MessageView.Reaction>> result = new HashMap<>();
		byMessage.forEach((id, emoji) -> result.put(id,
				emoji.entrySet()
					.stream()
					.map((entry) -> new MessageView.Reaction(entry.getKey(), List.copyOf(entry.getValue())))
					.toList()));
		return result;
	}

	/**
	 * The reactions of some lines: by their room's seq range when they are one room's
	 * lines close together (a history page), else by their ids.
	 */
	private List<MessageReaction> reactionsOf(List<ChatMessage> chats, Set<Long> ids) {
		String room = chats.get(0).getRoomId();
		long from = Long.MAX_VALUE;
		long to = Long.MIN_VALUE;
		for (ChatMessage chat : chats) {
			if (!chat.getRoomId().equals(room)) {
				return this.reactions.findByMessageIdInOrderByIdAsc(ids);
			}
			from = Math.min(from, chat.getSeq());
			to = Math.max(to, chat.getSeq());
		}
		if (to - from >= 2L * chats.size()) {
			return this.reactions.findByMessageIdInOrderByIdAsc(ids);
		}
		return this.reactions.findInRoom(room, from, to);
	}

	private Map<String, ChatMessage> quotedBy(List<ChatMessage> chats) {
		List<ChatMessage> replies = chats.stream().filter((chat) -> chat.getReplyTo() != null).toList();
		if (replies.isEmpty()) {
			return Map.of();
		}
		Set<String> rooms = replies.stream().map(ChatMessage::getRoomId).collect(Collectors.toSet());
		Set<Long> seqs = replies.stream().map(ChatMessage::getReplyTo).collect(Collectors.toSet());
		return this.messages.findByRoomIdInAndSeqIn(rooms, seqs)
			.stream()
			.collect(Collectors.toMap((line) -> key(line.getRoomId(), line.getSeq()), (line) -> line));
	}

	private static String key(String roomId, long seq) {
		return roomId + "#" + seq;
	}

}
