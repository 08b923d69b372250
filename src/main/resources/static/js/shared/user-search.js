/*
 * Finding people by name: GET /api/users?q= as the user types (after a short pause), each
 * answer a button to pick, the number found read aloud.
 */
import { el } from './dom.js';
import { api } from './http.js';
import { t } from './i18n.js';

const PAUSE = 200;

/**
 * view: {input, results, status}; onPick(username) when a name is chosen; skip(username): true
 * for names not to offer (me, those already chosen).
 */
export function userSearch(view, onPick, skip) {
	const { input, results, status } = view;
	let timer = null;
	let asked = 0;
	let shownFor = null; // the query the names on screen answer
	let pickFirst = false; // Enter came before the answer: pick its first name

	function render(users) {
		const shown = users.filter((user) => !skip(user.username));
		const fragment = document.createDocumentFragment();
		shown.forEach((user) => {
			const item = el('li', 'pick-row');
			const button = el('button', 'pick-button');
			button.type = 'button';
			button.dataset.username = user.username;
			button.appendChild(el('span', user.online ? 'member-dot member-dot-on' : 'member-dot'));
			button.appendChild(el('span', 'pick-name', user.username));
			button.appendChild(el('span', 'visually-hidden', user.online ? ' ' + t('isOnline') : ''));
			button.addEventListener('click', () => {
				onPick(user.username);
			});
			item.appendChild(button);
			fragment.appendChild(item);
		});
		results.replaceChildren(fragment);
		if (pickFirst && shown.length) {
			pickFirst = false;
			onPick(shown[0].username);
			return;
		}
		pickFirst = false;
		status.textContent = shown.length ? t('found', shown.length) : t('nobodyFound');
	}

	function search() {
		const q = input.value.trim();
		const mine = ++asked;
		if (!q) {
			results.replaceChildren();
			status.textContent = '';
			return;
		}
		api('GET', '/api/users?q=' + encodeURIComponent(q.slice(0, 32))).then((users) => {
			if (mine === asked) {
				shownFor = q;
				render(users || []);
			}
		}).catch(() => {
			if (mine === asked) {
				results.replaceChildren();
				status.textContent = t('searchFailed');
			}
		});
	}

	input.addEventListener('input', () => {
		window.clearTimeout(timer);
		timer = window.setTimeout(search, PAUSE);
	});
	input.addEventListener('keydown', (event) => {
		// Enter picks the first name found for what is typed, asking at once if need be
		if (event.key === 'Enter') {
			event.preventDefault();
			const first = results.querySelector('button');
			if (first && shownFor === input.value.trim()) {
				first.click();
			}
			else {
				window.clearTimeout(timer);
				pickFirst = true;
				search();
			}
		}
	});

	return {
		/** Empties the field and the answers. */
		clear() {
			input.value = '';
			asked++;
			shownFor = null;
			pickFirst = false;
			results.replaceChildren();
			status.textContent = '';
		},
		/** Asks again for what is in the field (after the names to skip changed). */
		refresh: search
	};
}
