/*
 * The timeline: the room's messages on screen in seq order with day separators, keeping the
 * reader's place when lines come in above or below, and the "new messages" pill when scrolled up.
 */
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
	const nodes = new Map(); // seq -> li

	/** Lays out every message in seq order with day separators (after inserts that are not appends). */
	function rebuild() {
		const fragment = document.createDocumentFragment();
		let previous = null;
		messages.seqs().forEach((seq) => {
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

	function scrollToBottom() {
		scroller.scrollTop = scroller.scrollHeight;
		pill.hidden = true;
	}

	/**
	 * Adds messages not seen before (by seq) and keeps the reader's place; returns those added.
	 * live: they arrived on the topic (my own then scroll to the end).
	 */
	function add(incoming, live) {
		const seqs = messages.seqs();
		const max = seqs.length ? seqs[seqs.length - 1] : 0;
		const min = seqs.length ? seqs[0] : Infinity;
		const fresh = incoming.filter((message) => !messages.has(message.seq)).sort((a, b) => a.seq - b.seq);
		if (!fresh.length) {
			return [];
		}
		const wasAtBottom = atBottom(scroller);
		const oldHeight = scroller.scrollHeight;
		const oldTop = scroller.scrollTop;
		let own = false;
		fresh.forEach((message) => {
			messages.set(message);
			nodes.set(message.seq, messageNode(message, me));
			outbox.confirm(message);
			own = own || (live && message.sender === me);
		});
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
		scrollToBottom: scrollToBottom,
		atBottom: () => atBottom(scroller),
		/** A short timeline on a tall screen: it does not scroll yet. */
		fitsScreen: () => scroller.scrollHeight <= scroller.clientHeight
	};
}
