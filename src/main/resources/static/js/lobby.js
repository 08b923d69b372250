/*
 * The lobby: the room list (GET /api/rooms, live from /user/queue/rooms, refreshed on focus)
 * and the create-room form (POST /api/rooms).
 */
import { el } from './shared/dom.js';
import { stompConnection } from './shared/connection.js';
import { api, HttpError } from './shared/http.js';
import { fullTime, problemText, relativeTime, t } from './shared/i18n.js';

const list = document.getElementById('room-list');
const empty = document.getElementById('rooms-empty');
const listError = document.getElementById('rooms-error');
const rowTemplate = document.getElementById('room-row');
const liveState = document.getElementById('live-state');
const form = document.getElementById('create-room');
const nameInput = document.getElementById('room-name');
const idInput = document.getElementById('room-id');
const nameError = document.getElementById('room-name-error');
const idError = document.getElementById('room-id-error');

/** Rooms by id, and their order as last answered by the server or re-sorted after a live update. */
let rooms = new Map();
let order = [];

function activity(room) {
	return room.lastMessage ? new Date(room.lastMessage.sentAt).getTime() : 0;
}

function sortOrder() {
	const position = new Map(order.map(function (id, index) { return [id, index]; }));
	order = Array.from(rooms.keys()).sort(function (a, b) {
		const diff = activity(rooms.get(b)) - activity(rooms.get(a));
		if (diff !== 0) {
			return diff;
		}
		const pa = position.has(a) ? position.get(a) : -1;
		const pb = position.has(b) ? position.get(b) : -1;
		return pa - pb;
	});
}

function previewText(message) {
	if (!message) {
		return t('noMessages');
	}
	if (message.type === 'JOIN') {
		return t('joined', message.sender);
	}
	if (message.type === 'LEAVE') {
		return t('left', message.sender);
	}
	// one line: newlines become spaces; CSS cuts what does not fit
	return t('previewSender', message.sender, (message.text || '').replace(/\s+/g, ' ').trim());
}

function renderRow(room) {
	const row = rowTemplate.content.firstElementChild.cloneNode(true);
	row.dataset.roomId = room.id;
	const link = row.querySelector('.room-link');
	link.href = '/rooms/' + encodeURIComponent(room.id);
	row.querySelector('.room-name').textContent = room.name;
	const time = row.querySelector('.room-time');
	if (room.lastMessage) {
		time.dateTime = room.lastMessage.sentAt;
		time.title = fullTime(room.lastMessage.sentAt);
		time.textContent = relativeTime(room.lastMessage.sentAt);
	}
	else {
		time.hidden = true;
	}
	const preview = row.querySelector('.room-preview');
	preview.textContent = previewText(room.lastMessage);
	preview.classList.toggle('room-preview-system', !room.lastMessage || room.lastMessage.type !== 'CHAT');
	const badge = row.querySelector('.badge-unread');
	if (room.unread > 0) {
		badge.hidden = false;
		badge.title = t('unread', room.unread);
		badge.textContent = room.unread > 99 ? '99+' : String(room.unread);
		badge.appendChild(el('span', 'visually-hidden', ' ' + t('unread', room.unread)));
		row.classList.add('room-row-unread');
	}
	const online = row.querySelector('.room-online');
	online.textContent = t('online', room.online || 0);
	online.classList.toggle('room-online-some', room.online > 0);
	return row;
}

function render() {
	const fragment = document.createDocumentFragment();
	order.forEach(function (id) {
		fragment.appendChild(renderRow(rooms.get(id)));
	});
	list.replaceChildren(fragment);
	list.setAttribute('aria-busy', 'false');
	empty.hidden = rooms.size > 0;
}

function load() {
	return api('GET', '/api/rooms').then(function (answer) {
		rooms = new Map();
		order = [];
		answer.forEach(function (room) {
			rooms.set(room.id, room);
			order.push(room.id);
		});
		listError.hidden = true;
		render();
	}).catch(function (error) {
		if (error && error.status === 401) {
			return;
		}
		listError.textContent = t('loadFailed');
		listError.hidden = false;
		list.setAttribute('aria-busy', 'false');
	});
}

function update(room) {
	rooms.set(room.id, room);
	sortOrder();
	render();
}

// --- create a room ---

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

form.addEventListener('submit', function (event) {
	event.preventDefault();
	const name = nameInput.value.trim();
	const id = idInput.value.trim();
	showFieldError(nameInput, nameError, null);
	showFieldError(idInput, idError, null);
	if (!name) {
		showFieldError(nameInput, nameError, t('nameRequired'));
		nameInput.focus();
		return;
	}
	const body = { name: name };
	if (id) {
		body.id = id;
	}
	const submit = form.querySelector('button[type=submit]');
	submit.disabled = true;
	api('POST', '/api/rooms', body).then(function (room) {
		window.location.assign('/rooms/' + encodeURIComponent(room.id));
	}).catch(function (error) {
		submit.disabled = false;
		const text = error instanceof HttpError ? problemText(error) : t('createFailed');
		// 409: the address (given or made from the name) is taken; 400: whichever field was given last
		const onId = id && (error.status === 409 || /\bid\b/i.test(text));
		if (onId) {
			showFieldError(idInput, idError, text);
			idInput.focus();
		}
		else {
			showFieldError(nameInput, nameError, text);
			nameInput.focus();
		}
	});
});

// --- live state ---

function setLive(state) {
	const text = t(state === 'live' ? 'liveOn' : 'liveOff');
	liveState.dataset.state = state;
	liveState.title = text;
	liveState.firstElementChild.textContent = text;
}

stompConnection().start({
	onState: setLive,
	onConnect: function (client, reconnected) {
		client.subscribe('/user/queue/rooms', function (frame) {
			update(JSON.parse(frame.body));
		});
		if (reconnected) {
			load();
		}
	}
});

// coming back to the window: refresh (focus and visibilitychange often fire together)
let lastLoad = 0;
function refresh() {
	if (document.visibilityState === 'visible' && Date.now() - lastLoad > 1000) {
		lastLoad = Date.now();
		load();
	}
}
window.addEventListener('focus', refresh);
document.addEventListener('visibilitychange', refresh);
window.setInterval(function () {
	list.querySelectorAll('.room-time[datetime]').forEach(function (time) {
		time.textContent = relativeTime(time.dateTime);
	});
}, 30000);

load();
