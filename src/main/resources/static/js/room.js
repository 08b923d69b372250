/*
 * A room page: builds the timeline, history, composer, members and read marker around one
 * STOMP connection, and routes what the room's topic and /user/queue/errors send to them.
 * Every message is kept by its seq, so whatever arrives twice is shown once (room/history.js).
 */
import { stompConnection } from './shared/connection.js';
import { problemText, t } from './shared/i18n.js';
import { api } from './shared/http.js';
import { createActions } from './room/actions.js';
import { createAlerts } from './room/alerts.js';
import { isChange } from './room/changes.js';
import { createMentions } from './room/mentions.js';
import { createNotify } from './room/notify.js';
import { createSearch } from './room/search.js';
import { createComposer } from './room/composer.js';
import { createHistory } from './room/history.js';
import { createMembership } from './room/membership.js';
import { createMessages } from './room/messages.js';
import { createOutbox } from './room/outbox.js';
import { createReadMarker } from './room/read-marker.js';
import { createRoster } from './room/roster.js';
import { atBottom, createTimeline } from './room/timeline.js';
import { createTyping } from './room/typing.js';

const byId = (id) => document.getElementById(id);
const main = byId('main');
const roomId = main.dataset.roomId;
const me = main.dataset.username;
const list = byId('messages');
const scroller = byId('scroller');
const pill = byId('new-pill');
const notice = byId('notice');

/** A refusal or failure, shown until dismissed. */
function showNotice(text) {
	byId('notice-text').textContent = text;
	notice.hidden = false;
}

const connection = stompConnection(); // started last, once everything it feeds exists
const send = connection.send;
let live = false;
/** Sends what only a member may send; false for a reader or a removed member. */
const memberSend = (destination, body, receipt) => membership.canWrite() && send(destination, body, receipt);
const messages = createMessages();
const outbox = createOutbox(byId('pending'), me);
const readMarker = createReadMarker(main, roomId, memberSend, messages, () => atBottom(scroller));
const timeline = createTimeline({ list, scroller, pill }, me, messages, outbox, readMarker.mark);
/** My last CHAT that is not deleted (↑ in an empty composer edits it), or null. */
function lastOwn() {
	const seqs = timeline.lineSeqs();
	for (let i = seqs.length - 1; i >= 0; i--) {
		const message = messages.get(seqs[i]);
		if (message.type === 'CHAT' && message.sender === me && !message.deleted) {
			return message;
		}
	}
	return null;
}
const mentions = createMentions({ form: byId('composer'), input: byId('text'), list: byId('mention-list') },
		roomId, me, () => Array.from(new Set(timeline.lineSeqs().map((seq) => messages.get(seq).sender))));
const composer = createComposer(
		{ form: byId('composer'), input: byId('text'), sendButton: byId('send'), counter: byId('counter'),
			context: byId('composer-context'), contextText: byId('composer-context-text'),
			contextCancel: byId('composer-context-cancel') },
		roomId, memberSend, outbox, timeline.scrollToBottom, lastOwn);
const history = createHistory(roomId,
		{ list, scroller, loadEarlierButton: byId('load-earlier'), historyStart: byId('history-start') },
		timeline, messages, showNotice);
const typing = createTyping(byId('typing'), me);
const roster = createRoster({ aside: byId('members'), list: byId('member-list'), count: byId('member-count'),
	addButton: byId('add-member'), dialog: byId('add-dialog'), addInput: byId('add-q'),
	addResults: byId('add-results'), addStatus: byId('add-status'), addError: byId('add-error'),
	changes: byId('roster-changes') }, roomId, me, showNotice);
const alerts = createAlerts(byId('announcer'), me);
const membership = createMembership({ title: byId('room-title'), leaveButton: byId('leave'),
	joinBar: byId('join-bar'), joinButton: byId('join'), composer: byId('composer'), removed: byId('removed'),
	removedText: byId('removed-text') }, roomId, me, roster, {
	changed() {
		composer.setEnabled(live && membership.canWrite());
	},
	joined() {
		send('/app/room.' + roomId + '.join');
		readMarker.resume();
		composer.focus();
	},
	retitled: alerts.retitle,
	notice: showNotice
});
const room = { role: null, kind: null }; // mine in this room, and its kind (read once)
api('GET', '/api/rooms/' + encodeURIComponent(roomId)).then((summary) => {
	room.kind = summary.kind;
}, () => null);
/** My role, read again whenever the roster may have changed (the owner may have left). */
function readRole() {
	api('GET', '/api/rooms/' + encodeURIComponent(roomId) + '/members').then((list) => {
		const mine = list.find((member) => member.username === me);
		room.role = mine ? mine.role : null;
	}, () => null);
}
readRole();

/** Shows a line, loading earlier history until it is in. */
function jump(seq) {
	history.reach(seq).then((found) => {
		if (!found || !timeline.highlight(seq)) {
			showNotice(t('lineNotFound'));
		}
	});
}
const actions = createActions({ list, menu: byId('line-menu'), deleteDialog: byId('delete-dialog'),
	deleteConfirm: byId('delete-confirm') }, roomId, me, messages, memberSend, composer, () => room.role === 'OWNER', jump);
timeline.onChange((seq, message) => {
	actions.changed(seq);
	if (message.deleted) {
		composer.forget(seq);
	}
});
createSearch({ toggle: byId('search-toggle'), panel: byId('search-panel'), form: byId('search-form'),
	input: byId('search-q'), status: byId('search-status'), results: byId('search-results'),
	more: byId('search-more'), close: byId('search-close') }, roomId, me, jump);
const notify = createNotify(byId('notify-toggle'), roomId, me, () => room.kind === 'DIRECT');
let leaving = null; // after Leave: goes to the lobby once my LEAVE came back

function showState(state, seconds) {
	byId('conn-state').dataset.state = state;
	let text;
	if (state === 'reconnecting') {
		text = seconds ? t('stateReconnecting', seconds) : t('stateReconnectingNow');
	}
	else {
		text = t('state' + state.charAt(0).toUpperCase() + state.slice(1));
	}
	byId('conn-text').textContent = text;
	byId('retry').hidden = !((state === 'reconnecting' && seconds) || state === 'offline');
	live = state === 'live';
	composer.setEnabled(live && membership.canWrite());
}

/** What the room's topic sends: CHAT, JOIN and LEAVE lines, TYPING and PRESENCE. */
function onEvent(frame) {
	const event = JSON.parse(frame.body);
	if (isChange(event)) {
		history.receive(event);
	}
	else if (event.type === 'CHAT' || event.type === 'JOIN' || event.type === 'LEAVE') {
		if (event.type === 'CHAT') {
			typing.sent(event.sender);
		}
		else {
			roster.changed();
		}
		const fresh = history.receive(event);
		if (fresh === null) {
			return;
		}
		alerts.arrived(fresh);
		notify.arrived(fresh);
		if (event.type !== 'CHAT') {
			mentions.reload();
			readRole();
		}
		if (event.type === 'LEAVE' && event.sender === me) {
			if (leaving) {
				leaving();
			}
			else if (event.by && event.by !== me) {
				membership.removed(event.by);
			}
		}
	}
	else if (event.type === 'TYPING') {
		typing.onTyping(event);
	}
	else if (event.type === 'PRESENCE') {
		roster.onPresence(event);
	}
}

/** A refusal on /user/queue/errors; a refused line's text comes back to the composer. */
function onError(frame) {
	const error = JSON.parse(frame.body);
	if (error.error === 'not_a_member' && !leaving) {
		membership.notMember();
	}
	if (error.destination && /\.chat$/.test(error.destination)) {
		const refused = error.receipt ? outbox.refuse(error.receipt) : outbox.refuseOldest();
		if (refused !== null) {
			composer.giveBack(refused);
		}
	}
	showNotice(problemText(error));
}

/** My lobby feed: this room's {"removed": true} means I am no longer a member. */
function onMyRooms(frame) {
	const summary = JSON.parse(frame.body);
	if (summary.id === roomId && summary.removed && !leaving) {
		membership.removed(null);
	}
}

byId('notice-close').addEventListener('click', () => {
	notice.hidden = true;
	composer.focus();
});

pill.addEventListener('click', () => {
	timeline.scrollToBottom();
	composer.focus();
});

byId('retry').addEventListener('click', () => {
	connection.retryNow();
});

const leaveButton = byId('leave');
leaveButton.addEventListener('click', () => {
	leaveButton.disabled = true;
	let done = false;
	const go = () => {
		if (done) {
			return;
		}
		done = true;
		connection.close();
		window.location.assign('/');
	};
	leaving = go;
	if (send('/app/room.' + roomId + '.leave')) {
		// wait until the LEAVE is stored and comes back, so the others surely see it
		window.setTimeout(go, 3000);
	}
	else {
		go();
	}
});

connection.start({
	onState: showState,
	onConnect(client) {
		client.subscribe('/user/queue/errors', onError);
		client.subscribe('/user/queue/rooms', onMyRooms);
		client.subscribe('/topic/room.' + roomId, onEvent);
		history.resume(client);
		membership.ready.then(() => {
			// presence belongs to the STOMP session: a member's every new session joins again;
			// a reader joins only by pressing Join (join makes them a member)
			if (membership.canWrite()) {
				send('/app/room.' + roomId + '.join');
				composer.resendPending();
				readMarker.resume();
			}
		}, () => {
			showNotice(t('errStatus404'));
		});
	},
	onDisconnect() {
		typing.forgetTyping();
		composer.forgetTyping();
	},
	onReceipt(id) {
		outbox.acknowledge(id);
	}
});
