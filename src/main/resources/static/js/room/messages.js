/*
 * The room's messages by seq: whatever arrives twice (history, topic, REST catch-up) is kept once.
 */
export function createMessages() {
	const bySeq = new Map();

	function seqs() {
		return Array.from(bySeq.keys()).sort((a, b) => a - b);
	}

	return {
		has: (seq) => bySeq.has(seq),
		get: (seq) => bySeq.get(seq),
		set: (message) => bySeq.set(message.seq, message),
		/** Every seq held, ascending. */
		seqs: seqs,
		/** The highest seq held, 0 when none. */
		last() {
			const all = seqs();
			return all.length ? all[all.length - 1] : 0;
		}
	};
}
