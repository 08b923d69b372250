/*
 * "@" in the composer: a list of the room's members whose names start with what follows it
 * (a listbox under the composer; ↑/↓ move, Enter or Tab picks, Esc closes). The names come
 * from GET /api/rooms/{id}/members, read again when the roster changes.
 */
import { el } from '../shared/dom.js';
import { api } from '../shared/http.js';
import { t } from '../shared/i18n.js';

const SHOWN = 8;

/** view: {form, input, list}; extraNames(): names known otherwise (senders, online), used too. */
export function createMentions(view, roomId, me, extraNames) {
	const { form, input, list } = view;
	let members = null; // [{username, role}] or null until read
	let loading = null;
	let options = [];
	let active = -1;
	let start = -1; // index of the '@' being completed

	function load() {
		if (!loading) {
			loading = api('GET', '/api/rooms/' + encodeURIComponent(roomId) + '/members').then((list) => {
				members = list;
				return list;
			}, () => {
				members = [];
				return members;
			}).then((result) => {
				loading = null;
				return result;
			});
		}
		return loading;
	}

	function names() {
		const all = (members || []).map((member) => member.username).concat(extraNames());
		return all.filter((name, index) => all.indexOf(name) === index && name !== me);
	}

	/** The "@abc" right before the caret, or null. */
	function query() {
		const caret = input.selectionStart;
		const before = input.value.slice(0, caret);
		const match = /(^|[^A-Za-z0-9_.-])@([A-Za-z0-9_.-]{0,32})$/.exec(before);
		if (!match) {
			return null;
		}
		start = caret - match[2].length - 1;
		return match[2].toLowerCase();
	}

	function close() {
		list.hidden = true;
		list.replaceChildren();
		options = [];
		active = -1;
		input.removeAttribute('aria-activedescendant');
		input.setAttribute('aria-expanded', 'false');
	}

	function highlight(index) {
		active = index;
		options.forEach((option, i) => option.setAttribute('aria-selected', String(i === index)));
		if (options[index]) {
			input.setAttribute('aria-activedescendant', options[index].id);
			options[index].scrollIntoView({ block: 'nearest' });
		}
	}

	function pick(index) {
		const name = options[index] && options[index].dataset.name;
		if (!name) {
			return;
		}
		const caret = input.selectionStart;
		const text = input.value.slice(0, start) + '@' + name + ' ';
		input.value = text + input.value.slice(caret);
		input.setSelectionRange(text.length, text.length);
		close();
		input.dispatchEvent(new Event('input'));
	}

	function show() {
		const q = query();
		if (q === null) {
			close();
			return;
		}
		const found = names().filter((name) => name.toLowerCase().startsWith(q)).sort().slice(0, SHOWN);
		if (!found.length) {
			close();
			return;
		}
		options = found.map((name, index) => {
			const option = el('li', 'mention-option', name);
			option.id = 'mention-option-' + index;
			option.setAttribute('role', 'option');
			option.dataset.name = name;
			option.addEventListener('mousedown', (event) => {
				event.preventDefault(); // keeps the focus in the composer
				pick(index);
			});
			return option;
		});
		list.replaceChildren(...options);
		list.setAttribute('aria-label', t('mentionList'));
		list.hidden = false;
		input.setAttribute('aria-expanded', 'true');
		highlight(0);
	}

	input.setAttribute('aria-controls', list.id);
	input.setAttribute('aria-autocomplete', 'list');
	input.setAttribute('aria-expanded', 'false');

	input.addEventListener('input', () => {
		if (input.value.indexOf('@') < 0) {
			close();
			return;
		}
		if (members === null) {
			load().then(show);
		}
		else {
			show();
		}
	});
	input.addEventListener('blur', close);

	// before the composer's own keys: Enter picks a name instead of sending
	form.addEventListener('keydown', (event) => {
		if (list.hidden || event.target !== input || !options.length) {
			return;
		}
		if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
			const step = event.key === 'ArrowDown' ? 1 : -1;
			highlight((active + step + options.length) % options.length);
		}
		else if ((event.key === 'Enter' || event.key === 'Tab') && !event.isComposing) {
			pick(active);
		}
		else if (event.key === 'Escape') {
			close();
		}
		else {
			return;
		}
		event.preventDefault();
		event.stopPropagation();
	}, true);

	return {
		/** The members changed: read them again when next needed. */
		reload() {
			members = null;
		}
	};
}
