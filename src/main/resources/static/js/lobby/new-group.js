/*
 * "New group": a name, an optional address, public or private, and members found by name
 * (chips, each removable). POST /api/rooms; the server's refusals show next to their field
 * (400 name or address, 404 an unknown member, 409 the address taken); success opens the room.
 */
import { el } from '../shared/dom.js';
import { modalDialog } from '../shared/dialog.js';
import { api, HttpError } from '../shared/http.js';
import { problemText, t } from '../shared/i18n.js';
import { userSearch } from '../shared/user-search.js';

function showFieldError(input, holder, text) {
	holder.textContent = text || '';
	holder.hidden = !text;
	if (text) {
		input.setAttribute('aria-invalid', 'true');
	}
	else {
		input.removeAttribute('aria-invalid');
	}
}

/** Wires the #group-dialog; opened by the #new-group button. me: my name. */
export function createNewGroup(me) {
	const byId = (id) => document.getElementById(id);
	const form = byId('create-room');
	const nameInput = byId('room-name');
	const idInput = byId('room-id');
	const nameError = byId('room-name-error');
	const idError = byId('room-id-error');
	const memberInput = byId('member-q');
	const membersError = byId('room-members-error');
	const chips = byId('member-chips');
	const chosen = [];

	function renderChips() {
		const fragment = document.createDocumentFragment();
		chosen.forEach((name) => {
			const chip = el('li', 'chip');
			chip.dataset.username = name;
			chip.appendChild(el('span', 'chip-name', name));
			const remove = el('button', 'chip-remove');
			remove.type = 'button';
			remove.setAttribute('aria-label', t('unchoose', name));
			remove.appendChild(el('span', null, '×')).setAttribute('aria-hidden', 'true');
			remove.addEventListener('click', () => {
				chosen.splice(chosen.indexOf(name), 1);
				renderChips();
				search.refresh();
				memberInput.focus();
			});
			chip.appendChild(remove);
			fragment.appendChild(chip);
		});
		chips.replaceChildren(fragment);
	}

	const search = userSearch({ input: memberInput, results: byId('member-results'), status: byId('member-status') },
			(name) => {
				chosen.push(name);
				renderChips();
				search.clear();
				showFieldError(memberInput, membersError, null);
				byId('member-status').textContent = t('chosen', name);
				memberInput.focus();
			}, (name) => name === me || chosen.indexOf(name) >= 0);

	const dialog = modalDialog(byId('group-dialog'));
	byId('new-group').addEventListener('click', (event) => {
		dialog.open(event.currentTarget);
	});

	function clearErrors() {
		showFieldError(nameInput, nameError, null);
		showFieldError(idInput, idError, null);
		showFieldError(memberInput, membersError, null);
	}

	function refused(error, id) {
		const text = error instanceof HttpError ? problemText(error) : t('createFailed');
		if (error.status === 404) {
			showFieldError(memberInput, membersError, error.error ? text : t('unknownMember'));
			memberInput.focus();
		}
		// 409: the address (given or made from the name) is taken; 400: whichever field was given last
		else if (id && (error.status === 409 || /\bid\b/i.test(text))) {
			showFieldError(idInput, idError, text);
			idInput.focus();
		}
		else {
			showFieldError(nameInput, nameError, text);
			nameInput.focus();
		}
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		const name = nameInput.value.trim();
		const id = idInput.value.trim();
		clearErrors();
		if (!name) {
			showFieldError(nameInput, nameError, t('nameRequired'));
			nameInput.focus();
			return;
		}
		const kind = form.querySelector('input[name=kind]:checked');
		const body = { name: name, kind: kind ? kind.value : 'PUBLIC', members: chosen.slice() };
		if (id) {
			body.id = id;
		}
		const submit = form.querySelector('button[type=submit]');
		submit.disabled = true;
		api('POST', '/api/rooms', body).then((room) => {
			window.location.assign('/rooms/' + encodeURIComponent(room.id));
		}).catch((error) => {
			submit.disabled = false;
			refused(error, id);
		});
	});
}
