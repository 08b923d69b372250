/*
 * The timeline: the room's messages on screen in seq order with day separators, keeping the
 * reader's place when lines come in above or below, and the "new messages" pill when scrolled up.
 * Changes (EDIT, DELETE, REACTION) are kept in the store by seq like lines but shown only as the
 * new state of the line they target.
 */
import { apply, isChange, received } from './changes.js';
import { fillChat } from './chat-body.js';
import { continues, dayKey, dayLabel, messageNode, separator } from './lines.js';

/** True when the scroller shows its end (within a few pixels). */
export function atBottom(scroller) {
	return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48;
}

/**
 * view: {list, scroller, pill}; messages: the store by seq; outbox: the pending lines;
 * onSeen(): the end of the timeline may have been seen (lines added, scrolled down): mark it read.
 */
export function createTimeline(view, me, messages, outbox, onSeen) {
	const { list, scroller, pill } = view;
	const nodes = new Map(); // seq -> li, for CHAT, JOIN and LEAVE
	const changeListeners = [];

	/** The seqs of the lines shown (not the changes), ascending. */
	function lineSeqs() {
		return messages.seqs().filter((seq) => nodes.has(seq));
	}

	/** Lays out every message in seq order with day separators (after inserts that are not appends). */
	function rebuild() {
		const fragment = document.createDocumentFragment();
		let previous = null;
		lineSeqs().forEach((seq) => {
			const message = messages.get(seq);
			if (!previous || dayKey(previous) !== dayKey(message)) {
				fragment.appendChild(separator(message));
			}
			const node = nodes.get(seq);
			node.classList.toggle('msg-cont', !!continues(previous, message));
			fragment.appendChild(node);
			previous = message;
		});
		list.replaceChildren(fragment);
	}

	function append(message, previous) {
		if (!previous || dayKey(previous) !== dayKey(message)) {
			list.appendChild(separator(message));
		}
		const node = nodes.get(message.seq);
		node.classList.toggle('msg-cont', !!continues(previous, message));
		list.appendChild(node);
	}

	/** Shows a CHAT's current state again, in the same li (focus stays where it was). */
	function refresh(seq) {
		const node = nodes.get(seq);
		const message = messages.get(seq);
		if (node && message && message.type === 'CHAT') {
			changeListeners.forEach((listener) => listener(seq, message));
			const focused = node.contains(document.activeElement) ? document.activeElement.className : null;
			fillChat(node, message, me);
			if (focused) {
				const again = node.querySelector('.' + focused.split(' ')[0]);
				(again || node).focus();
			}
		}
	}

	/** Scrolls a line into the middle of the screen and marks it for a moment. */
	function highlight(seq) {
		const node = nodes.get(seq);
		if (!node) {
			return false;
		}
		list.querySelectorAll('.msg-highlight').forEach((other) => other.classList.remove('msg-highlight'));
		node.classList.add('msg-highlight');
		node.scrollIntoView({ block: 'center' });
		node.setAttribute('tabindex', '-1');
		node.focus({ preventScroll: true });
		window.setTimeout(() => node.classList.remove('msg-highlight'), 4000);
		return true;
	}

	function scrollToBottom() {
		scroller.scrollTop = scroller.scrollHeight;
		pill.hidden = true;
	}

	/**
	 * Adds messages not seen before (by seq) and keeps the reader's place; returns those added.
	 * live: they arrived on the topic (my own then scroll to the end).
	 */
	function add(incoming, live) {
		const seqs = lineSeqs();
		const max = seqs.length ? seqs[seqs.length - 1] : 0;
		const min = seqs.length ? seqs[0] : Infinity;
		const all = incoming.filter((message) => !messages.has(message.seq)).sort((a, b) => a.seq - b.seq);
		if (!all.length) {
			return [];
		}
		const asOf = Math.max(messages.last(), all[all.length - 1].seq);
		const wasAtBottom = atBottom(scroller);
		const oldHeight = scroller.scrollHeight;
		const oldTop = scroller.scrollTop;
		let own = false;
		all.forEach((message) => {
			if (message.type === 'CHAT') {
				received(message, asOf);
			}
			messages.set(message);
			if (!isChange(message)) {
				nodes.set(message.seq, messageNode(message, me));
				outbox.confirm(message);
				own = own || (live && message.sender === me);
			}
		});
		const changed = new Set();
		all.filter(isChange).forEach((change) => apply(messages, change).forEach((seq) => changed.add(seq)));
		changed.forEach(refresh);
		const fresh = all.filter((message) => !isChange(message));
		if (!fresh.length) {
			list.setAttribute('aria-busy', 'false');
			onSeen();
			return [];
		}
		const prepend = fresh[fresh.length - 1].seq < min;
		if (fresh[0].seq > max) {
			let previous = max ? messages.get(max) : null;
			fresh.forEach((message) => {
				append(message, previous);
				previous = message;
			});
		}
		else {
			rebuild();
		}
		list.setAttribute('aria-busy', 'false');
		if (prepend && seqs.length) {
			scroller.scrollTop = oldTop + (scroller.scrollHeight - oldHeight);
		}
		else if (wasAtBottom || own) {
			scrollToBottom();
		}
		else {
			pill.hidden = false;
		}
		onSeen();
		return fresh;
	}

	scroller.addEventListener('scroll', () => {
		if (atBottom(scroller)) {
			pill.hidden = true;
			onSeen();
		}
	}, { passive: true });

	// day labels ("Today") go stale after midnight
	window.setInterval(() => {
		list.querySelectorAll('.day-separator').forEach((node) => {
			const seq = node.nextElementSibling && Number(node.nextElementSibling.dataset.seq);
			if (seq && messages.has(seq)) {
				node.firstElementChild.textContent = dayLabel(messages.get(seq));
			}
		});
	}, 60000);

	return {
		add: add,
		refresh: refresh,
		/** listener(seq, message) hears of every line a change is shown on, just before. */
		onChange: (listener) => changeListeners.push(listener),
		highlight: highlight,
		/** The li of a line by seq, or undefined. */
		nodeOf: (seq) => nodes.get(seq),
		/** The seqs of the lines shown, ascending. */
		lineSeqs: lineSeqs,
		scrollToBottom: scrollToBottom,
		atBottom: () => atBottom(scroller),
		/** A short timeline on a tall screen: it does not scroll yet. */
		fitsScreen: () => scroller.scrollHeight <= scroller.clientHeight
	};
}
