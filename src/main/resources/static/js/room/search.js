/*
 * Search in the room: the header's search button opens a box (GET /api/search?q=&room=), the
 * results list sender, time and text, newest first, with "more" for the next page; choosing one
 * shows that line in the timeline (history loaded back to it) and marks it.
 */
import { el } from '../shared/dom.js';
import { api } from '../shared/http.js';
import { fullTime, problemText, t } from '../shared/i18n.js';
import { textWithMentions } from './chat-body.js';

const LIMIT = 20;

/** view: {toggle, panel, form, input, status, results, more, close}; jump(seq): shows a line. */
export function createSearch(view, roomId, me, jump) {
	const { toggle, panel, form, input, status, results, more, close } = view;
	let query = '';
	let oldest = null; // the id of the last result shown, for the next page
	let asked = 0; // answers to older questions are dropped

	function setOpen(open) {
		panel.hidden = !open;
		toggle.setAttribute('aria-expanded', String(open));
		if (open) {
			input.focus();
			input.select();
		}
		else {
			toggle.focus();
		}
	}

	function result(message) {
		const item = el('li', 'search-result');
		const button = el('button', 'search-hit');
		button.type = 'button';
		button.dataset.seq = String(message.seq);
		const meta = el('span', 'search-meta');
		meta.appendChild(el('span', 'msg-sender', message.sender));
		const time = el('time', 'msg-time', fullTime(message.sentAt));
		time.dateTime = message.sentAt;
		meta.appendChild(time);
		button.appendChild(meta);
		const text = el('span', 'search-text');
		text.appendChild(textWithMentions(message.text, message.mentions, me));
		button.appendChild(text);
		item.appendChild(button);
		return item;
	}

	function run(next) {
		const q = input.value.trim();
		if (Array.from(q).length < 2) {
			status.textContent = t('searchTooShort');
			return;
		}
		if (!next) {
			query = q;
			oldest = null;
			results.replaceChildren();
		}
		const id = ++asked;
		status.textContent = t('searching');
		more.hidden = true;
		let url = '/api/search?q=' + encodeURIComponent(query) + '&room=' + encodeURIComponent(roomId)
				+ '&limit=' + LIMIT;
		if (next && oldest !== null) {
			url += '&before=' + oldest;
		}
		api('GET', url).then((page) => {
			if (id !== asked) {
				return;
			}
			page.messages.forEach((message) => results.appendChild(result(message)));
			if (page.messages.length) {
				oldest = page.messages[page.messages.length - 1].id;
			}
			const count = results.childElementCount;
			status.textContent = count ? t('searchFound', count) : t('searchNone', query);
			more.hidden = !page.hasMore;
		}, (error) => {
			if (id === asked) {
				status.textContent = problemText(error);
			}
		});
	}

	toggle.addEventListener('click', () => setOpen(panel.hidden));
	close.addEventListener('click', () => setOpen(false));
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		run(false);
	});
	more.addEventListener('click', () => run(true));
	panel.addEventListener('keydown', (event) => {
		if (event.key === 'Escape') {
			event.preventDefault();
			setOpen(false);
		}
	});
	results.addEventListener('click', (event) => {
		const hit = event.target.closest('.search-hit');
		if (hit) {
			results.querySelectorAll('[aria-current]').forEach((other) => other.removeAttribute('aria-current'));
			hit.setAttribute('aria-current', 'true');
			if (window.matchMedia('(max-width: 720px)').matches) {
				panel.hidden = true;
				toggle.setAttribute('aria-expanded', 'false');
			}
			jump(Number(hit.dataset.seq));
		}
	});
}
