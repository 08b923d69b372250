/*
 * What one can do with a CHAT line: its ⋯ button (or a long press, or the context-menu key)
 * opens a menu — reply, a row of common emoji to react with, and edit and delete on my own
 * lines (the room's owner deletes any). Reaction chips toggle my reaction; a quoted line jumps
 * to the line it quotes. Delete asks first. All of it works from the keyboard.
 */
import { t } from '../shared/i18n.js';

const EMOJI = ['👍', '❤️', '😂', '😮', '😢', '🎉', '🙏', '👀'];
const LONG_PRESS = 500;

/**
 * view: {list, menu, deleteDialog, deleteConfirm}; messages: the store by seq; send(destination,
 * body): false when not connected; composer: reply and edit; isOwner(): I own the room;
 * jump(seq): shows a line, loading history around it.
 */
export function createActions(view, roomId, me, messages, send, composer, isOwner, jump) {
	const { list, menu, deleteDialog, deleteConfirm } = view;
	let current = null; // {seq, opener}
	let pressTimer = null;

	function seqOf(node) {
		const line = node && node.closest('li[data-type=CHAT]');
		return line ? Number(line.dataset.seq) : null;
	}

	function item(text, action, label) {
		const button = document.createElement('button');
		button.type = 'button';
		button.setAttribute('role', 'menuitem');
		button.tabIndex = -1;
		button.textContent = text;
		button.dataset.action = action;
		if (label) {
			button.setAttribute('aria-label', label);
			button.title = label;
		}
		return button;
	}

	function items() {
		return Array.from(menu.querySelectorAll('[role=menuitem]'));
	}

	function open(seq, opener) {
		const message = messages.get(seq);
		if (!message || message.deleted) {
			return;
		}
		current = { seq: seq, opener: opener };
		if (opener) {
			opener.setAttribute('aria-expanded', 'true');
		}
		const emoji = document.createElement('div');
		emoji.className = 'menu-emoji';
		emoji.setAttribute('role', 'group');
		emoji.setAttribute('aria-label', t('react'));
		EMOJI.forEach((e) => emoji.appendChild(item(e, 'react:' + e, t('reactWith', e))));
		const entries = [emoji, item(t('reply'), 'reply')];
		if (message.sender === me) {
			entries.push(item(t('edit'), 'edit'));
		}
		if (message.sender === me || isOwner()) {
			entries.push(item(t('delete'), 'delete'));
		}
		menu.replaceChildren(...entries);
		menu.setAttribute('aria-label', t('actionsFor', message.sender));
		const line = list.querySelector('li[data-seq="' + seq + '"]');
		line.appendChild(menu);
		menu.hidden = false;
		items()[0].focus();
	}

	function close(refocus) {
		if (!current) {
			return;
		}
		const opener = current.opener;
		current = null;
		if (opener) {
			opener.setAttribute('aria-expanded', 'false');
		}
		menu.hidden = true;
		document.body.appendChild(menu);
		if (refocus && opener && opener.isConnected) {
			opener.focus();
		}
	}

	function react(seq, emoji) {
		send('/app/room.' + roomId + '.react', { seq: seq, emoji: emoji });
	}

	function act(action, seq) {
		const message = messages.get(seq);
		close(action.indexOf('react:') === 0);
		if (!message) {
			return;
		}
		if (action === 'reply') {
			composer.replyTo(message);
		}
		else if (action === 'edit') {
			composer.edit(message);
		}
		else if (action === 'delete') {
			deleteDialog.dataset.seq = String(seq);
			deleteDialog.showModal();
		}
		else if (action.indexOf('react:') === 0) {
			react(seq, action.slice('react:'.length));
		}
	}

	list.addEventListener('click', (event) => {
		const target = event.target;
		const menuItem = target.closest('[role=menuitem]');
		if (menuItem && current) {
			act(menuItem.dataset.action, current.seq);
			return;
		}
		const opener = target.closest('.msg-actions-button');
		if (opener) {
			if (current && current.seq === seqOf(opener)) {
				close(true);
			}
			else {
				close(false);
				open(seqOf(opener), opener);
			}
			return;
		}
		const chip = target.closest('.chip');
		if (chip) {
			react(seqOf(chip), chip.dataset.emoji);
			return;
		}
		const quote = target.closest('.msg-reply');
		if (quote) {
			jump(Number(quote.dataset.jump));
		}
	});

	menu.addEventListener('keydown', (event) => {
		const all = items();
		const index = all.indexOf(document.activeElement);
		let next = null;
		if (event.key === 'ArrowDown' || event.key === 'ArrowRight') {
			next = all[(index + 1) % all.length];
		}
		else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') {
			next = all[(index - 1 + all.length) % all.length];
		}
		else if (event.key === 'Home') {
			next = all[0];
		}
		else if (event.key === 'End') {
			next = all[all.length - 1];
		}
		else if (event.key === 'Escape' || event.key === 'Tab') {
			event.preventDefault();
			close(true);
			return;
		}
		if (next) {
			event.preventDefault();
			next.focus();
		}
	});

	document.addEventListener('click', (event) => {
		if (current && !menu.contains(event.target) && !event.target.closest('.msg-actions-button')) {
			close(false);
		}
	});

	// a long press on a line (touch screens) opens its menu
	list.addEventListener('touchstart', (event) => {
		const seq = seqOf(event.target);
		if (seq === null || event.target.closest('button')) {
			return;
		}
		pressTimer = window.setTimeout(() => {
			pressTimer = null;
			const line = list.querySelector('li[data-seq="' + seq + '"]');
			open(seq, line && line.querySelector('.msg-actions-button'));
		}, LONG_PRESS);
	}, { passive: true });
	['touchend', 'touchmove', 'touchcancel'].forEach((type) => list.addEventListener(type, () => {
		window.clearTimeout(pressTimer);
	}, { passive: true }));

	deleteConfirm.addEventListener('click', () => {
		const seq = Number(deleteDialog.dataset.seq);
		if (seq) {
			send('/app/room.' + roomId + '.delete', { seq: seq });
		}
		deleteDialog.close();
	});
	deleteDialog.addEventListener('close', () => {
		const line = list.querySelector('li[data-seq="' + deleteDialog.dataset.seq + '"]');
		const button = line && line.querySelector('.msg-actions-button, .msg-deleted');
		if (button) {
			button.focus();
		}
	});

	return {
		/** A line is shown again in its new state: a menu open on it closes. */
		changed(seq) {
			if (current && current.seq === seq) {
				close(false);
			}
		}
	};
}
