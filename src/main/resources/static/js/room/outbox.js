/*
 * The messages I sent that have not come back from the server yet, each shown as a pending
 * line under the timeline until its echo (same clientId) arrives or the server refuses it.
 * Each is sent with its clientId as receipt id: once the RECEIPT says it is stored it is
 * never sent again; until then a reconnect sends it again with the same clientId, which the
 * server stores at most once.
 */
import { pendingNode } from './lines.js';

export function createOutbox(pendingList, me) {
	const entries = new Map(); // clientId -> {text, replyTo, node, stored}, oldest first

	return {
		/** Shows a line just sent with this clientId as pending. */
		add(clientId, text, replyTo) {
			const node = pendingNode(text, me);
			pendingList.appendChild(node);
			entries.set(clientId, { text: text, replyTo: replyTo, node: node, stored: false });
		},

		/** The server acknowledged this clientId: stored, so never sent again. */
		acknowledge(clientId) {
			const entry = entries.get(clientId);
			if (entry) {
				entry.stored = true;
				entry.node.classList.add('msg-stored');
			}
		},

		/** This message was refused: removes it and gives its text back (null when unknown). */
		refuse(clientId) {
			const entry = entries.get(clientId);
			if (!entry) {
				return null;
			}
			entries.delete(clientId);
			entry.node.remove();
			return entry.text;
		},

		/** Removes the pending line of a message that came back from the server. */
		confirm(message) {
			if (message.sender === me && message.clientId && entries.has(message.clientId)) {
				entries.get(message.clientId).node.remove();
				entries.delete(message.clientId);
			}
		},

		/** The oldest message in flight was refused: removes it and gives its text back (null when none). */
		refuseOldest() {
			if (!entries.size) {
				return null;
			}
			const clientId = entries.keys().next().value;
			const entry = entries.get(clientId);
			entries.delete(clientId);
			entry.node.remove();
			return entry.text;
		},

		/** Calls send(text, clientId, replyTo) for every message not acknowledged yet (after a reconnect). */
		resend(send) {
			entries.forEach((entry, clientId) => {
				if (!entry.stored) {
					send(entry.text, clientId, entry.replyTo);
				}
			});
		}
	};
}
