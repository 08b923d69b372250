/*
 * The log's changes (EDIT, DELETE, REACTION) applied to the CHAT they target, so a line shows
 * its current state. A CHAT read from the server already shows every change stored before it was
 * read: a change is applied only when it is newer than that (its seq above the CHAT's asOf), and
 * applying one sets a state (never toggles), so a change seen twice changes nothing more.
 */

const CHANGES = ['EDIT', 'DELETE', 'REACTION'];
const EXCERPT = 100;

/** True for EDIT, DELETE and REACTION. */
export function isChange(message) {
	return CHANGES.indexOf(message.type) >= 0;
}

/** The first 100 code points of a text, as the server quotes a reply. */
export function excerpt(text) {
	return text === null || text === undefined ? null : Array.from(text).slice(0, EXCERPT).join('');
}

/** A CHAT as it is kept: its state is as of asOf (the highest seq known when it was read). */
export function received(chat, asOf) {
	chat.asOf = Math.max(asOf, chat.seq);
	chat.reactions = chat.reactions || [];
	chat.mentions = chat.mentions || [];
	return chat;
}

function react(chat, change) {
	let reaction = chat.reactions.find((r) => r.emoji === change.emoji);
	if (change.added) {
		if (!reaction) {
			reaction = { emoji: change.emoji, users: [] };
			chat.reactions.push(reaction);
		}
		if (reaction.users.indexOf(change.sender) < 0) {
			reaction.users.push(change.sender);
		}
	}
	else if (reaction) {
		reaction.users = reaction.users.filter((user) => user !== change.sender);
		if (!reaction.users.length) {
			chat.reactions = chat.reactions.filter((r) => r !== reaction);
		}
	}
}

/**
 * Applies a change to its target in the store; returns the seqs of the lines whose look changed
 * (the target, and lines quoting it), empty when nothing changed.
 */
export function apply(messages, change) {
	const chat = messages.get(change.target);
	if (!chat || chat.type !== 'CHAT' || change.seq <= chat.asOf) {
		return [];
	}
	chat.asOf = change.seq;
	if (change.type === 'EDIT') {
		if (chat.deleted || change.text === null || change.text === undefined) {
			return [];
		}
		chat.text = change.text;
		chat.mentions = change.mentions || [];
		chat.editedAt = change.sentAt;
	}
	else if (change.type === 'DELETE') {
		chat.deleted = true;
		chat.text = null;
		chat.mentions = [];
		chat.reactions = [];
		chat.replyTo = null;
	}
	else if (!chat.deleted) {
		react(chat, change);
	}
	const changed = [chat.seq];
	if (change.type !== 'REACTION') {
		messages.seqs().forEach((seq) => {
			const line = messages.get(seq);
			if (line.type === 'CHAT' && line.replyTo && line.replyTo.seq === chat.seq) {
				line.replyTo = { seq: chat.seq, sender: chat.sender, text: excerpt(chat.text) };
				changed.push(seq);
			}
		});
	}
	return changed;
}
