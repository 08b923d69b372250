/*
 * What a CHAT line holds in its current state: the quoted line it replies to, sender and time,
 * "(edited)", its text with @mentions marked (mine strongly) or "message deleted", its reaction
 * chips, and the button that opens its actions (room/actions.js). Every user value as text.
 */
import { el } from '../shared/dom.js';
import { fullTime, lang, t } from '../shared/i18n.js';

const timeFormat = new Intl.DateTimeFormat(lang(), { hour: 'numeric', minute: '2-digit' });

function escapeRegExp(text) {
	return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}

/** The text as nodes: "@name" of each mentioned member in a mark, mine a strong one. */
export function textWithMentions(text, mentions, me) {
	const fragment = document.createDocumentFragment();
	const names = (mentions || []).slice().sort((a, b) => b.length - a.length);
	if (!names.length) {
		fragment.appendChild(document.createTextNode(text));
		return fragment;
	}
	const pattern = new RegExp('@(' + names.map(escapeRegExp).join('|') + ')', 'gi');
	let last = 0;
	let match;
	while ((match = pattern.exec(text)) !== null) {
		fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
		const mine = match[1].toLowerCase() === me.toLowerCase();
		const mark = el(mine ? 'strong' : 'span', mine ? 'mention mention-me' : 'mention', match[0]);
		fragment.appendChild(mark);
		last = match.index + match[0].length;
	}
	fragment.appendChild(document.createTextNode(text.slice(last)));
	return fragment;
}

function replyQuote(reply) {
	const quote = el('button', 'msg-reply');
	quote.type = 'button';
	quote.dataset.jump = String(reply.seq);
	quote.appendChild(el('span', 'visually-hidden', t('replyingTo') + ' '));
	quote.appendChild(el('span', 'msg-reply-sender', reply.sender));
	quote.appendChild(el('span', 'msg-reply-text', reply.text === null ? t('deleted') : reply.text));
	quote.title = t('jumpToQuoted');
	return quote;
}

function reactionChips(message, me) {
	const chips = el('div', 'reactions');
	message.reactions.forEach((reaction) => {
		const chip = el('button', 'chip');
		chip.type = 'button';
		chip.dataset.emoji = reaction.emoji;
		const mine = reaction.users.indexOf(me) >= 0;
		chip.setAttribute('aria-pressed', String(mine));
		chip.appendChild(el('span', 'chip-emoji', reaction.emoji));
		chip.appendChild(el('span', 'chip-count', String(reaction.users.length)));
		const who = t('reactedBy', reaction.emoji, reaction.users.join(', '));
		chip.title = reaction.users.join(', ');
		chip.setAttribute('aria-label', who);
		chips.appendChild(chip);
	});
	return chips;
}

/** (Re)fills a CHAT's li with its current state; me is the signed-in user. */
export function fillChat(node, message, me) {
	const own = message.sender === me;
	const kept = ['msg-cont', 'msg-highlight'].filter((name) => node.classList.contains(name));
	node.className = 'msg' + (own ? ' msg-own' : '') + (message.deleted ? ' msg-is-deleted' : '')
			+ ((message.mentions || []).some((name) => name.toLowerCase() === me.toLowerCase()) ? ' msg-mentions-me' : '');
	kept.forEach((name) => node.classList.add(name));
	node.replaceChildren();
	if (message.replyTo) {
		node.appendChild(replyQuote(message.replyTo));
	}
	const meta = el('div', 'msg-meta');
	const sender = el('span', 'msg-sender', message.sender);
	if (own) {
		sender.appendChild(el('span', 'visually-hidden', ' ' + t('you')));
	}
	meta.appendChild(sender);
	const time = el('time', 'msg-time', timeFormat.format(new Date(message.sentAt)));
	time.dateTime = message.sentAt;
	time.title = fullTime(message.sentAt);
	meta.appendChild(time);
	if (message.editedAt && !message.deleted) {
		const edited = el('span', 'msg-edited', t('edited'));
		edited.title = fullTime(message.editedAt);
		meta.appendChild(edited);
	}
	node.appendChild(meta);
	if (message.deleted) {
		node.appendChild(el('p', 'msg-deleted', t('deleted')));
	}
	else {
		const text = el('p', 'msg-text');
		text.appendChild(textWithMentions(message.text, message.mentions, me));
		node.appendChild(text);
		if (message.reactions && message.reactions.length) {
			node.appendChild(reactionChips(message, me));
		}
		const actions = el('button', 'msg-actions-button');
		actions.type = 'button';
		actions.setAttribute('aria-haspopup', 'menu');
		actions.setAttribute('aria-label', t('actionsFor', message.sender));
		actions.appendChild(el('span', null, '⋯')).setAttribute('aria-hidden', 'true');
		node.appendChild(actions);
	}
	return node;
}
