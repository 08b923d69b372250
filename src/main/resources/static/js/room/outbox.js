/*
 * The messages I sent that have not come back from the server yet, each shown as a pending
 * line under the timeline until its echo (same clientId) arrives or the server refuses it.
 */
import { pendingNode } from './lines.js';

export function createOutbox(pendingList, me) {
	const entries = new Map(); // clientId -> {text, node}, oldest first

	return {
		/** Shows a line just sent with this clientId as pending. */
		add(clientId, text) {
			const node = pendingNode(text, me);
			pendingList.appendChild(node);
			entries.set(clientId, { text: text, node: node });
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

		/** Calls send(text, clientId) for every message still in flight (after a reconnect). */
		resend(send) {
			entries.forEach((entry, clientId) => send(entry.text, clientId));
		}
	};
}
