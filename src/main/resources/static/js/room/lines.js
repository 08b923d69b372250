/*
 * How one message looks: a chat line, a join/leave line, a day separator, and whether a
 * line continues the one before it. Pure functions of the message; the timeline places them.
 */
import { el } from '../shared/dom.js';
import { fullTime, lang, t } from '../shared/i18n.js';
import { fillChat } from './chat-body.js';

const timeFormat = new Intl.DateTimeFormat(lang(), { hour: 'numeric', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(lang(), { dateStyle: 'full' });

/** The local calendar day of a message, as a key to compare days. */
export function dayKey(message) {
	const date = new Date(message.sentAt);
	return date.getFullYear() + '-' + date.getMonth() + '-' + date.getDate();
}

/** "Today", "Yesterday" or the full date of a message's day. */
export function dayLabel(message) {
	const date = new Date(message.sentAt);
	const today = new Date();
	const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
	if (date.toDateString() === today.toDateString()) {
		return t('today');
	}
	if (date.toDateString() === yesterday.toDateString()) {
		return t('yesterday');
	}
	return dayFormat.format(date);
}

function timeElement(message) {
	const time = el('time', 'msg-time', timeFormat.format(new Date(message.sentAt)));
	time.dateTime = message.sentAt;
	time.title = fullTime(message.sentAt);
	return time;
}

/** The line of a CHAT, JOIN or LEAVE message; me is the signed-in user's name. */
export function messageNode(message, me) {
	let node;
	if (message.type === 'CHAT') {
		node = fillChat(el('li', 'msg'), message, me);
	}
	else {
		node = el('li', 'msg-system');
		node.appendChild(el('span', 'msg-system-text', systemText(message)));
		node.appendChild(timeElement(message));
	}
	node.dataset.seq = String(message.seq);
	node.dataset.type = message.type;
	node.dataset.sender = message.sender;
	return node;
}

/** "alice joined" / "alice left", or "bob added alice" / "bob removed alice", for a JOIN or LEAVE. */
export function systemText(message) {
	const key = message.type === 'JOIN' ? 'joined' : 'left';
	if (message.by && message.by !== message.sender) {
		return t(key + 'By', message.sender, message.by);
	}
	return t(key, message.sender);
}

/** The line of a message sent by me that the server has not echoed yet. */
export function pendingNode(text, me) {
	const node = el('li', 'msg msg-own msg-pending');
	const meta = el('div', 'msg-meta');
	meta.appendChild(el('span', 'msg-sender', me));
	meta.appendChild(el('span', 'msg-time', t('sending')));
	node.appendChild(meta);
	node.appendChild(el('p', 'msg-text', text));
	return node;
}

/** The separator above the first message of a day. */
export function separator(message) {
	const node = el('li', 'day-separator');
	node.setAttribute('role', 'separator');
	node.appendChild(el('span', null, dayLabel(message)));
	node.dataset.day = dayKey(message);
	return node;
}

/** Consecutive lines of one sender within five minutes share one name. */
export function continues(previous, message) {
	return previous && previous.type === 'CHAT' && message.type === 'CHAT' && previous.sender === message.sender
			&& dayKey(previous) === dayKey(message)
			&& new Date(message.sentAt) - new Date(previous.sentAt) < 5 * 60 * 1000;
}
