/*
 * Telling the server how far I have read (/app/room.{id}.read): the last seq, a second after
 * it was on screen at the bottom of a focused, visible window. The page shows it as
 * data-read-seq on #main.
 */

/** send(destination, body): false when not connected; isAtBottom(): the end is on screen. */
export function createReadMarker(main, roomId, send, messages, isAtBottom) {
	let lastReadSent = 0;
	let readTimer = null;

	function mark() {
		if (readTimer || document.visibilityState !== 'visible' || !document.hasFocus() || !isAtBottom()) {
			return;
		}
		readTimer = window.setTimeout(() => {
			readTimer = null;
			const seq = messages.last();
			if (seq > lastReadSent && document.hasFocus() && isAtBottom()
					&& send('/app/room.' + roomId + '.read', { seq: seq })) {
				lastReadSent = seq;
				main.dataset.readSeq = String(seq);
			}
		}, 1000);
	}

	window.addEventListener('focus', mark);
	document.addEventListener('visibilitychange', mark);

	return {
		mark: mark,
		/** A new session: the server may not know what the last one marked, so mark again. */
		resume() {
			lastReadSent = 0;
			mark();
		}
	};
}
