/*
 * "New chat": find a person by name, and POST /api/direct opens our one direct room
 * (the same room whoever started it).
 */
import { modalDialog } from '../shared/dialog.js';
import { api } from '../shared/http.js';
import { problemText } from '../shared/i18n.js';
import { userSearch } from '../shared/user-search.js';

/** Wires the #chat-dialog; opened by the #new-chat button. me: my name. */
export function createNewChat(me) {
	const byId = (id) => document.getElementById(id);
	const error = byId('chat-error');
	let busy = false;

	const search = userSearch({ input: byId('chat-q'), results: byId('chat-results'), status: byId('chat-status') },
			(name) => {
				if (busy) {
					return;
				}
				busy = true;
				error.hidden = true;
				api('POST', '/api/direct', { username: name }).then((room) => {
					window.location.assign('/rooms/' + encodeURIComponent(room.id));
				}).catch((refusal) => {
					busy = false;
					error.textContent = problemText(refusal);
					error.hidden = false;
				});
			}, (name) => name === me);

	const dialog = modalDialog(byId('chat-dialog'), () => {
		search.clear();
		error.hidden = true;
	});
	byId('new-chat').addEventListener('click', (event) => {
		dialog.open(event.currentTarget);
	});
}
