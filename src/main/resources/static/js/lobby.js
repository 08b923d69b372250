/*
 * The lobby: my conversations (GET /api/rooms, live from /user/queue/rooms, refreshed on focus),
 * the directory of public rooms, and the "New group" and "New chat" dialogs.
 */
import { stompConnection } from './shared/connection.js';
import { api } from './shared/http.js';
import { relativeTime, t } from './shared/i18n.js';
import { createDirectory } from './lobby/directory.js';
import { createNewChat } from './lobby/new-chat.js';
import { createNewGroup } from './lobby/new-group.js';
import { renderRow } from './lobby/rows.js';

const byId = (id) => document.getElementById(id);
const me = byId('main').dataset.username;
const list = byId('room-list');
const empty = byId('rooms-empty');
const listError = byId('rooms-error');
const rowTemplate = byId('room-row');
const liveState = byId('live-state');
const changes = byId('rooms-changes');

/** Rooms by id, and their order as last answered by the server or re-sorted after a live update. */
let rooms = new Map();
let order = [];

function activity(room) {
	return room.lastMessage ? new Date(room.lastMessage.sentAt).getTime() : 0;
}

function sortOrder() {
	const position = new Map(order.map((id, index) => [id, index]));
	order = Array.from(rooms.keys()).sort((a, b) => {
		const diff = activity(rooms.get(b)) - activity(rooms.get(a));
		if (diff !== 0) {
			return diff;
		}
		const pa = position.has(a) ? position.get(a) : -1;
		const pb = position.has(b) ? position.get(b) : -1;
		return pa - pb;
	});
}

function render() {
	const fragment = document.createDocumentFragment();
	order.forEach((id) => {
		fragment.appendChild(renderRow(rowTemplate, rooms.get(id)));
	});
	list.replaceChildren(fragment);
	list.setAttribute('aria-busy', 'false');
	empty.hidden = rooms.size > 0;
}

function load() {
	return api('GET', '/api/rooms').then((answer) => {
		rooms = new Map();
		order = [];
		answer.forEach((room) => {
			rooms.set(room.id, room);
			order.push(room.id);
		});
		listError.hidden = true;
		render();
	}).catch((error) => {
		if (error && error.status === 401) {
			return;
		}
		listError.textContent = t('loadFailed');
		listError.hidden = false;
		list.setAttribute('aria-busy', 'false');
	});
}

/** A summary from /user/queue/rooms: a room changed or came, or {"id", "removed": true}. */
function update(summary) {
	const known = rooms.get(summary.id);
	if (summary.removed) {
		if (known) {
			rooms.delete(summary.id);
			changes.textContent = t('roomGone', known.kind === 'DIRECT' && known.with ? known.with : known.name);
		}
	}
	else {
		if (!known) {
			changes.textContent = t('roomCame', summary.kind === 'DIRECT' && summary.with ? summary.with : summary.name);
		}
		rooms.set(summary.id, summary);
	}
	sortOrder();
	render();
}

// --- tabs: my conversations and the directory ---

const tabs = [byId('tab-mine'), byId('tab-directory')];
const directory = createDirectory({ form: byId('directory-form'), input: byId('directory-q'),
	list: byId('directory-list'), status: byId('directory-status') }, me);

function select(tab, focus) {
	tabs.forEach((each) => {
		const on = each === tab;
		each.setAttribute('aria-selected', String(on));
		each.tabIndex = on ? 0 : -1;
		byId(each.getAttribute('aria-controls')).hidden = !on;
	});
	if (focus) {
		tab.focus();
	}
	if (tab.id === 'tab-directory') {
		directory.load();
	}
}

tabs.forEach((tab, index) => {
	tab.addEventListener('click', () => {
		select(tab, false);
	});
	tab.addEventListener('keydown', (event) => {
		const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
		if (step) {
			event.preventDefault();
			select(tabs[(index + step + tabs.length) % tabs.length], true);
		}
	});
});

createNewGroup(me);
createNewChat(me);

// --- live state ---

function setLive(state) {
	const text = t(state === 'live' ? 'liveOn' : 'liveOff');
	liveState.dataset.state = state;
	liveState.title = text;
	liveState.firstElementChild.textContent = text;
}

stompConnection().start({
	onState: setLive,
	onConnect(client, reconnected) {
		client.subscribe('/user/queue/rooms', (frame) => {
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
window.setInterval(() => {
	list.querySelectorAll('.room-time[datetime]').forEach((time) => {
		time.textContent = relativeTime(time.dateTime);
	});
}, 30000);

load();
