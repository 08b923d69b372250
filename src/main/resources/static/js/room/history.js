/*
 * Getting every message of the room exactly once: the first page on subscribe (topic messages
 * that come before it wait), earlier pages on demand, and any gap in seq, after a drop or
 * between two topic messages, filled from GET /api/rooms/{id}/messages?after=lastSeq.
 */
import { api } from '../shared/http.js';
import { t } from '../shared/i18n.js';

const PAGE = 50;

/**
 * view: {list, scroller, loadEarlierButton, historyStart}; timeline: where messages are shown;
 * messages: the store by seq; showNotice(text): tells the user a page could not be loaded.
 */
export function createHistory(roomId, view, timeline, messages, showNotice) {
	const { list, scroller, loadEarlierButton, historyStart } = view;
	const base = '/api/rooms/' + encodeURIComponent(roomId) + '/messages';
	let loaded = false;
	let early = []; // topic messages that came before the history answer
	let lastSeq = 0; // every seq up to this one is on screen (from the first one loaded)
	let hasMoreBefore = false;
	let catching = false;
	let catchAgain = false;

	/** Moves lastSeq over every seq now present; true when a gap remains above it. */
	function advance() {
		while (messages.has(lastSeq + 1)) {
			lastSeq++;
		}
		return messages.last() > lastSeq;
	}

	/** Fills everything after lastSeq from REST, page by page, then any gap found meanwhile. */
	function catchUp() {
		if (catching) {
			catchAgain = true;
			return;
		}
		catching = true;
		catchAgain = false;
		const next = () => api('GET', base + '?after=' + lastSeq + '&limit=200').then((page) => {
			const before = lastSeq;
			timeline.add(page.messages, false);
			advance();
			if (page.hasMore && lastSeq > before) {
				return next();
			}
			if (advance()) {
				// seqs the server does not have: do not ask for them forever
				lastSeq = messages.last();
			}
			return null;
		});
		next().catch(() => {
			// the next reconnect tries again
		}).then(() => {
			catching = false;
			if (catchAgain) {
				catchUp();
			}
		});
	}

	function onHistory(page) {
		if (loaded) {
			return;
		}
		loaded = true;
		hasMoreBefore = page.hasMore;
		const all = page.messages.concat(early);
		early = [];
		page.messages.forEach((message) => {
			lastSeq = Math.max(lastSeq, message.seq);
		});
		timeline.add(all, false);
		list.setAttribute('aria-busy', 'false');
		timeline.scrollToBottom();
		showHistoryEdge();
		if (advance()) {
			catchUp();
		}
		fillViewport();
	}

	function showHistoryEdge() {
		loadEarlierButton.hidden = !hasMoreBefore;
		historyStart.hidden = hasMoreBefore;
	}

	let earlier = null; // the page of earlier history being loaded

	function loadEarlier(limit) {
		if (earlier) {
			return earlier;
		}
		if (!hasMoreBefore || !loaded) {
			return Promise.resolve();
		}
		const seqs = messages.seqs();
		if (!seqs.length) {
			return Promise.resolve();
		}
		loadEarlierButton.disabled = true;
		earlier = api('GET', base + '?before=' + seqs[0] + '&limit=' + (limit || PAGE)).then((page) => {
			hasMoreBefore = page.hasMore;
			timeline.add(page.messages, false);
		}).catch(() => {
			showNotice(t('historyFailed'));
			throw new Error('history');
		}).finally(() => {
			earlier = null;
			loadEarlierButton.disabled = false;
			showHistoryEdge();
		});
		return earlier.catch(() => null);
	}

	/** A short history page on a tall screen: keep loading until it scrolls or the room's start is reached. */
	function fillViewport() {
		if (hasMoreBefore && timeline.fitsScreen()) {
			loadEarlier().then(() => {
				if (hasMoreBefore && timeline.fitsScreen()) {
					fillViewport();
				}
			});
		}
	}

	scroller.addEventListener('scroll', () => {
		if (scroller.scrollTop < 120) {
			loadEarlier();
		}
	}, { passive: true });
	loadEarlierButton.addEventListener('click', () => {
		loadEarlier();
	});

	return {
		/**
		 * Loads earlier history until the message with this seq is in (at most 50 pages of 200);
		 * resolves whether it is.
		 */
		reach(seq) {
			let left = 50;
			const step = () => {
				if (messages.has(seq)) {
					return Promise.resolve(true);
				}
				if (!loaded || !hasMoreBefore || left-- === 0) {
					return Promise.resolve(false);
				}
				return loadEarlier(200).then(step);
			};
			return step();
		},

		/** On every (re)connect: asks for the first page once, afterwards for what was missed. */
		resume(client) {
			if (!loaded) {
				client.subscribe('/app/room.' + roomId + '.history', (frame) => {
					onHistory(JSON.parse(frame.body));
				});
			}
			else {
				catchUp();
			}
		},

		/**
		 * A message from the topic: shown (and any gap before it filled) once the history is in,
		 * held until then. Returns the messages newly shown, or null when held.
		 */
		receive(message) {
			if (!loaded) {
				early.push(message);
				return null;
			}
			const fresh = timeline.add([message], true);
			if (advance()) {
				catchUp();
			}
			return fresh;
		}
	};
}
