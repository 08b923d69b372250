/*
 * A room page: builds the timeline, history, composer, members and read marker around one
 * STOMP connection, and routes what the room's topic and /user/queue/errors send to them.
 * Every message is kept by its seq, so whatever arrives twice is shown once (room/history.js).
 */
import { stompConnection } from './shared/connection.js';
import { problemText, t } from './shared/i18n.js';
import { createAlerts } from './room/alerts.js';
import { createComposer } from './room/composer.js';
import { createHistory } from './room/history.js';
import { createMembers } from './room/members.js';
import { createMessages } from './room/messages.js';
import { createOutbox } from './room/outbox.js';
import { createReadMarker } from './room/read-marker.js';
import { atBottom, createTimeline } from './room/timeline.js';

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
const messages = createMessages();
const outbox = createOutbox(byId('pending'), me);
const readMarker = createReadMarker(main, roomId, send, messages, () => atBottom(scroller));
const timeline = createTimeline({ list, scroller, pill }, me, messages, outbox, readMarker.mark);
const composer = createComposer(
		{ form: byId('composer'), input: byId('text'), sendButton: byId('send'), counter: byId('counter') },
		roomId, send, outbox, timeline.scrollToBottom);
const history = createHistory(roomId,
		{ list, scroller, loadEarlierButton: byId('load-earlier'), historyStart: byId('history-start') },
		timeline, messages, showNotice);
const members = createMembers({ members: byId('members'), memberList: byId('member-list'),
	memberCount: byId('member-count'), typingLine: byId('typing') }, me);
const alerts = createAlerts(byId('announcer'), me);
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
	composer.setEnabled(state === 'live');
}

/** What the room's topic sends: CHAT, JOIN and LEAVE lines, TYPING and PRESENCE. */
function onEvent(frame) {
	const event = JSON.parse(frame.body);
	if (event.type === 'CHAT' || event.type === 'JOIN' || event.type === 'LEAVE') {
		if (event.type === 'CHAT') {
			members.sent(event.sender);
		}
		const fresh = history.receive(event);
		if (fresh === null) {
			return;
		}
		alerts.arrived(fresh);
		if (leaving && event.type === 'LEAVE' && event.sender === me) {
			leaving();
		}
	}
	else if (event.type === 'TYPING') {
		members.onTyping(event);
	}
	else if (event.type === 'PRESENCE') {
		members.onPresence(event);
	}
}

/** A refusal on /user/queue/errors; a refused line's text comes back to the composer. */
function onError(frame) {
	const error = JSON.parse(frame.body);
	const text = problemText(error);
	if (error.destination && /\.chat$/.test(error.destination)) {
		const refused = error.receipt ? outbox.refuse(error.receipt) : outbox.refuseOldest();
		if (refused !== null) {
			composer.giveBack(refused);
		}
	}
	showNotice(text);
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
	if (send('/app/room.' + roomId + '.leave')) {
		// wait until the LEAVE is stored and comes back, so the others surely see it
		leaving = go;
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
		client.subscribe('/topic/room.' + roomId, onEvent);
		history.resume(client);
		// presence belongs to the STOMP session: every new session joins again
		send('/app/room.' + roomId + '.join');
		composer.resendPending();
		readMarker.resume();
	},
	onDisconnect() {
		members.forgetTyping();
		composer.forgetTyping();
	},
	onReceipt(id) {
		outbox.acknowledge(id);
	}
});
