/*
 * One row of my conversations: the kind's icon (with its words for screen readers), the name
 * (the other person's for a direct chat), time, preview, unread and mention badges, online.
 */
import { el } from '../shared/dom.js';
import { fullTime, relativeTime, t } from '../shared/i18n.js';

const ICONS = { DIRECT: '👤', PRIVATE: '🔒', PUBLIC: '#' };

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
	if (message.deleted) {
		return t('previewSender', message.sender, t('deleted'));
	}
	// one line: newlines become spaces; CSS cuts what does not fit
	return t('previewSender', message.sender, (message.text || '').replace(/\s+/g, ' ').trim());
}

function kindOf(room) {
	return ICONS[room.kind] ? room.kind : 'PUBLIC';
}

/** The kind's icon, hidden from screen readers, and its words, shown only to them. */
export function kindIcon(kind) {
	const holder = el('span', 'room-kind room-kind-' + kind.toLowerCase());
	const icon = el('span', 'room-kind-icon', ICONS[kind]);
	icon.setAttribute('aria-hidden', 'true');
	holder.appendChild(icon);
	holder.appendChild(el('span', 'visually-hidden', t('kind' + kind.charAt(0) + kind.slice(1).toLowerCase())));
	return holder;
}

/** The name a room goes by for me: the other person for a direct chat. */
export function roomTitle(room) {
	return room.kind === 'DIRECT' && room.with ? room.with : room.name;
}

function countBadge(row, selector, count, label) {
	const badge = row.querySelector(selector);
	if (count > 0) {
		badge.hidden = false;
		badge.title = label;
		badge.textContent = count > 99 ? '99+' : String(count);
		badge.appendChild(el('span', 'visually-hidden', ' ' + label));
	}
}

/** A row from the #room-row template for one room summary. */
export function renderRow(template, room) {
	const row = template.content.firstElementChild.cloneNode(true);
	const kind = kindOf(room);
	row.dataset.roomId = room.id;
	row.dataset.kind = kind;
	const link = row.querySelector('.room-link');
	link.href = '/rooms/' + encodeURIComponent(room.id);
	link.prepend(kindIcon(kind));
	row.querySelector('.room-name').textContent = roomTitle(room);
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
	countBadge(row, '.badge-mention', room.mentions || 0, t('mentions', room.mentions));
	countBadge(row, '.badge-unread', room.unread || 0, t('unread', room.unread));
	row.classList.toggle('room-row-unread', room.unread > 0);
	const online = row.querySelector('.room-online');
	online.textContent = t('online', room.online || 0);
	online.classList.toggle('room-online-some', room.online > 0);
	if (kind !== 'DIRECT' && room.members) {
		online.textContent += ' · ' + t('memberCount', room.members);
	}
	return row;
}
