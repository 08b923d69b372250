/*
 * The composer: Enter sends, Shift+Enter adds a line, a counter near the length limit, the
 * typing signal (at most every few seconds), and sending with a clientId so the echo replaces
 * the pending line.
 */
import { t } from '../shared/i18n.js';

const MAX_CODE_POINTS = 2000;
const COUNTER_FROM = 1800;
const TYPING_EVERY = 3000;

function codePoints(text) {
	return Array.from(text).length;
}

function randomId() {
	if (window.crypto && window.crypto.randomUUID) {
		return 'c-' + window.crypto.randomUUID();
	}
	const bytes = new Uint8Array(16);
	window.crypto.getRandomValues(bytes);
	return 'c-' + Array.prototype.map.call(bytes, (b) => ('0' + b.toString(16)).slice(-2)).join('');
}

/**
 * view: {form, input, sendButton, counter}; send(destination, body, receipt): false when not connected;
 * outbox: where sent lines wait for their echo; onSent(): a line was sent (scroll to it).
 */
export function createComposer(view, roomId, send, outbox, onSent) {
	const { form, input, sendButton, counter } = view;
	let typingSent = 0; // when I last said I am typing, 0 when I said I stopped
	let focusBack = false;

	function update() {
		const length = codePoints(input.value);
		counter.hidden = length < COUNTER_FROM;
		counter.textContent = t('counter', length, MAX_CODE_POINTS);
		counter.classList.toggle('counter-over', length > MAX_CODE_POINTS);
		if (length > MAX_CODE_POINTS) {
			counter.title = t('tooLong');
		}
		sendButton.disabled = input.disabled || !/\S/.test(input.value) || length > MAX_CODE_POINTS;
		// grow with the text, up to a third of the screen (CSS caps it)
		input.style.height = 'auto';
		input.style.height = input.scrollHeight + 'px';
	}

	function sendTyping(typing) {
		if (send('/app/room.' + roomId + '.typing', { typing: typing })) {
			typingSent = typing ? Date.now() : 0;
		}
	}

	function sendLine(text, clientId) {
		// the clientId doubles as receipt id: the outbox learns which line is stored
		return send('/app/room.' + roomId + '.chat', { text: text, clientId: clientId }, clientId);
	}

	function submit() {
		const text = input.value;
		if (sendButton.disabled || !/\S/.test(text) || codePoints(text) > MAX_CODE_POINTS) {
			return;
		}
		const clientId = randomId();
		if (!sendLine(text, clientId)) {
			return;
		}
		outbox.add(clientId, text);
		onSent();
		input.value = '';
		update();
		if (typingSent) {
			sendTyping(false);
		}
		input.focus();
	}

	form.addEventListener('submit', (event) => {
		event.preventDefault();
		submit();
	});

	input.addEventListener('keydown', (event) => {
		if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
			event.preventDefault();
			submit();
		}
	});

	input.addEventListener('input', () => {
		update();
		if (/\S/.test(input.value)) {
			if (Date.now() - typingSent > TYPING_EVERY) {
				sendTyping(true);
			}
		}
		else if (typingSent) {
			sendTyping(false);
		}
	});

	input.addEventListener('blur', () => {
		if (typingSent) {
			sendTyping(false);
		}
	});

	update();

	return {
		/** Enabled only while live; a field that lost its focus by being disabled gets it back. */
		setEnabled(enabled) {
			if (!enabled && document.activeElement === input) {
				focusBack = true;
			}
			input.disabled = !enabled;
			update();
			if (enabled && focusBack) {
				focusBack = false;
				input.focus();
			}
		},

		/** A refused line's text comes back to an empty composer. */
		giveBack(text) {
			if (!input.value) {
				input.value = text;
				update();
			}
		},

		/** A new session: the lines still in flight are sent again with their first clientId. */
		resendPending() {
			outbox.resend(sendLine);
		},

		/** The session was lost: the server forgot that I was typing. */
		forgetTyping() {
			typingSent = 0;
		},

		focus() {
			input.focus();
		}
	};
}

