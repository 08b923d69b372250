/*
 * The "alice is typing…" line, each typist forgotten after a few seconds without news.
 */
import { t } from '../shared/i18n.js';

const TYPING_EXPIRES = 6000;

/** typingLine: where the line goes; me: the signed-in user's name. */
export function createTyping(typingLine, me) {
	const typists = new Map(); // name -> timer that forgets them

	function renderTyping() {
		const names = Array.from(typists.keys());
		let text = '';
		if (names.length === 1) {
			text = t('typingOne', names[0]);
		}
		else if (names.length === 2) {
			text = t('typingTwo', names[0], names[1]);
		}
		else if (names.length > 2) {
			text = t('typingMany', names.length);
		}
		typingLine.textContent = text;
	}

	return {
		/** A TYPING event: {sender, typing}. */
		onTyping(event) {
			if (event.sender === me) {
				return;
			}
			window.clearTimeout(typists.get(event.sender));
			if (event.typing) {
				typists.set(event.sender, window.setTimeout(() => {
					typists.delete(event.sender);
					renderTyping();
				}, TYPING_EXPIRES));
			}
			else {
				typists.delete(event.sender);
			}
			renderTyping();
		},

		/** Someone's chat line arrived: they stopped typing it. */
		sent(sender) {
			if (typists.has(sender)) {
				window.clearTimeout(typists.get(sender));
				typists.delete(sender);
				renderTyping();
			}
		},

		/** The session was lost: nobody is known to be typing any more. */
		forgetTyping() {
			typists.forEach((timer) => {
				window.clearTimeout(timer);
			});
			typists.clear();
			renderTyping();
		}
	};
}
