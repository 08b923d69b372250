/*
 * The directory tab: public rooms whose name contains what is typed (GET /api/rooms/public?q=),
 * each with its member count and a Join button, or "Joined" with a link for rooms I am in.
 * Joining adds me (POST /api/rooms/{id}/members) and opens the room.
 */
import { el } from '../shared/dom.js';
import { api } from '../shared/http.js';
import { problemText, t } from '../shared/i18n.js';

const PAUSE = 250;

/** view: {form, input, list, status}; me: my name. */
export function createDirectory(view, me) {
	const { form, input, list, status } = view;
	let timer = null;
	let asked = 0;

	function open(room) {
		window.location.assign('/rooms/' + encodeURIComponent(room.id));
	}

	function join(room, button) {
		button.disabled = true;
		api('POST', '/api/rooms/' + encodeURIComponent(room.id) + '/members', { username: me }).then(() => {
			open(room);
		}).catch((error) => {
			if (error.status === 409) {
				open(room);
				return;
			}
			button.disabled = false;
			status.textContent = problemText(error);
		});
	}

	function row(room) {
		const item = el('li', 'directory-row');
		item.dataset.roomId = room.id;
		const link = el('a', 'directory-link');
		link.href = '/rooms/' + encodeURIComponent(room.id);
		link.appendChild(el('span', 'room-name', room.name));
		link.appendChild(el('span', 'room-online', t('memberCount', room.members)));
		item.appendChild(link);
		if (room.joined) {
			item.appendChild(el('span', 'directory-joined', t('joinedBadge')));
		}
		else {
			const button = el('button', 'button button-primary directory-join', t('join'));
			button.type = 'button';
			button.setAttribute('aria-label', t('joinRoom', room.name));
			button.addEventListener('click', () => {
				join(room, button);
			});
			item.appendChild(button);
		}
		return item;
	}

	function load() {
		const q = input.value.trim();
		const mine = ++asked;
		list.setAttribute('aria-busy', 'true');
		api('GET', '/api/rooms/public' + (q ? '?q=' + encodeURIComponent(q) : '')).then((rooms) => {
			if (mine !== asked) {
				return;
			}
			const fragment = document.createDocumentFragment();
			(rooms || []).forEach((room) => {
				fragment.appendChild(row(room));
			});
			list.replaceChildren(fragment);
			list.setAttribute('aria-busy', 'false');
			status.textContent = rooms && rooms.length ? t('roomsFound', rooms.length) : t('noRoomsFound');
		}).catch((error) => {
			if (mine === asked) {
				list.setAttribute('aria-busy', 'false');
				status.textContent = problemText(error);
			}
		});
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		window.clearTimeout(timer);
		load();
	});
	input.addEventListener('input', () => {
		window.clearTimeout(timer);
		timer = window.setTimeout(load, PAUSE);
	});

	return { load };
}
