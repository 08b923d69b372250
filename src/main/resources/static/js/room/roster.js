/*
 * The room's members (GET /api/rooms/{id}/members): owner first, each with their role and
 * whether they are online (kept live by PRESENCE); "Add member" in a private room
 * (POST .../members) and, for the owner, "Remove" next to each other member (DELETE).
 */
import { modalDialog } from '../shared/dialog.js';
import { el } from '../shared/dom.js';
import { api } from '../shared/http.js';
import { problemText, t } from '../shared/i18n.js';
import { userSearch } from '../shared/user-search.js';

/**
 * view: {aside, list, count, addButton, dialog, addInput, addResults, addStatus, addError, changes};
 * showNotice(text): tells about a failure.
 */
export function createRoster(view, roomId, me, showNotice) {
	const base = '/api/rooms/' + encodeURIComponent(roomId) + '/members';
	let members = [];
	let online = null; // names from the last PRESENCE, null before the first
	let kind = null;
	let reloadTimer = null;

	function isOnline(member) {
		return online ? online.indexOf(member.username) >= 0 : member.online;
	}

	function amOwner() {
		return members.some((member) => member.username === me && member.role === 'OWNER');
	}

	function remove(member, button) {
		button.disabled = true;
		api('DELETE', base + '/' + encodeURIComponent(member.username)).then(() => {
			view.changes.textContent = t('removedMember', member.username);
			view.list.focus();
			load();
		}).catch((error) => {
			button.disabled = false;
			showNotice(problemText(error));
		});
	}

	function row(member, owner) {
		const item = el('li', member.username === me ? 'member member-me' : 'member');
		item.dataset.username = member.username;
		item.dataset.role = member.role;
		const on = isOnline(member);
		item.classList.toggle('member-online', on);
		item.appendChild(el('span', on ? 'member-dot member-dot-on' : 'member-dot'));
		item.appendChild(el('span', 'member-name', member.username));
		item.appendChild(el('span', 'visually-hidden', ' ' + t(on ? 'isOnline' : 'isOffline')));
		if (member.username === me) {
			item.appendChild(el('span', 'member-you', t('you')));
		}
		if (member.role === 'OWNER') {
			item.appendChild(el('span', 'member-role', t('owner')));
		}
		if (owner && kind !== 'DIRECT' && member.username !== me) {
			const button = el('button', 'link-button member-remove', t('remove'));
			button.type = 'button';
			button.setAttribute('aria-label', t('removeMember', member.username));
			button.addEventListener('click', () => {
				remove(member, button);
			});
			item.appendChild(button);
		}
		return item;
	}

	function render() {
		const owner = amOwner();
		const fragment = document.createDocumentFragment();
		members.forEach((member) => {
			fragment.appendChild(row(member, owner));
		});
		view.list.replaceChildren(fragment);
		const count = members.filter(isOnline).length;
		view.count.textContent = String(count);
		view.count.title = t('onlineCount', count);
		view.aside.hidden = false;
	}

	function load() {
		return api('GET', base).then((answer) => {
			members = answer || [];
			render();
			return members;
		});
	}

	const search = userSearch({ input: view.addInput, results: view.addResults, status: view.addStatus },
			(name) => {
				view.addError.hidden = true;
				api('POST', base, { username: name }).then(() => {
					view.changes.textContent = t('addedMember', name);
					dialog.close();
					load();
				}).catch((error) => {
					view.addError.textContent = error.status === 409 ? t('alreadyMember', name) : problemText(error);
					view.addError.hidden = false;
				});
			}, (name) => members.some((member) => member.username === name));

	const dialog = modalDialog(view.dialog, () => {
		search.clear();
		view.addError.hidden = true;
	});
	view.addButton.addEventListener('click', (event) => {
		dialog.open(event.currentTarget);
	});

	return {
		load: load,

		/** The room's kind and whether I am a member: who may add and remove. */
		setContext(roomKind, member) {
			kind = roomKind;
			view.addButton.hidden = !(member && kind === 'PRIVATE');
			render();
		},

		/** A JOIN or LEAVE line arrived: the list changed (reloaded once for a burst). */
		changed() {
			window.clearTimeout(reloadTimer);
			reloadTimer = window.setTimeout(() => {
				load().catch(() => {
					// a removed member can no longer read the list: the page says why
				});
			}, 150);
		},

		/** A PRESENCE event: {online: [names]}. */
		onPresence(event) {
			online = (event.online || []).slice();
			if (online.some((name) => !members.some((member) => member.username === name))) {
				this.changed();
			}
			render();
		}
	};
}
