/*
 * The composer: Enter sends, Shift+Enter adds a line, a counter near the length limit, the
 * typing signal (at most every few seconds), and sending with a clientId so the echo replaces
 * the pending line. It may be replying to a line or editing one of mine (shown above it; Esc
 * cancels; ↑ in an empty composer edits my last line).
 */
import { t } from '../shared/i18n.js';
import { excerpt } from './changes.js';

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
 * outbox: where sent lines wait for their echo; onSent(): a line was sent (scroll to it);
 * lastOwn(): my last CHAT that is not deleted, or null. view.context/contextText/contextCancel:
 * the bar that says what the composer replies to or edits.
 */
export function createComposer(view, roomId, send, outbox, onSent, lastOwn) {
	const { form, input, sendButton, counter, context, contextText, contextCancel } = view;
	let typingSent = 0; // when I last said I am typing, 0 when I said I stopped
	let focusBack = false;
	let mode = null; // {kind: 'reply'|'edit', message, draft}

	function setMode(next) {
		const draft = mode && mode.kind === 'edit' ? mode.draft : null;
		mode = next;
		if (!next) {
			context.hidden = true;
			form.dataset.mode = '';
			if (draft !== null) {
				input.value = draft;
			}
		}
		else {
			form.dataset.mode = next.kind;
			contextText.textContent = next.kind === 'reply'
				? t('replyingToLine', next.message.sender, excerpt(next.message.text))
				: t('editing');
			context.hidden = false;
		}
		update();
	}

	function update() {
		const length = codePoints(input.value);
		counter.hidden = length < COUNTER_FROM;
		counter.textContent = t('counter', length, MAX_CODE_POINTS);
		counter.classList.toggle('counter-over', length > MAX_CODE_POINTS);
		if (length > MAX_CODE_POINTS) {
			counter.title = t('tooLong');
		}
		sendButton.textContent = mode && mode.kind === 'edit' ? t('save') : t('sendButton');
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

	function sendLine(text, clientId, replyTo) {
		const body = { text: text, clientId: clientId };
		if (replyTo) {
			body.replyTo = replyTo;
		}
		// the clientId doubles as receipt id: the outbox learns which line is stored
		return send('/app/room.' + roomId + '.chat', body, clientId);
	}

	function startEdit(message) {
		const draft = mode && mode.kind === 'edit' ? mode.draft : input.value;
		setMode({ kind: 'edit', message: message, draft: draft });
		input.value = message.text;
		update();
		input.focus();
		input.setSelectionRange(input.value.length, input.value.length);
	}

	function submit() {
		const text = input.value;
		if (sendButton.disabled || !/\S/.test(text) || codePoints(text) > MAX_CODE_POINTS) {
			return;
		}
		if (mode && mode.kind === 'edit') {
			if (text !== mode.message.text
					&& !send('/app/room.' + roomId + '.edit', { seq: mode.message.seq, text: text })) {
				return;
			}
			mode.draft = '';
			setMode(null);
			input.focus();
			return;
		}
		const clientId = randomId();
		const replyTo = mode && mode.kind === 'reply' ? mode.message.seq : null;
		if (!sendLine(text, clientId, replyTo)) {
			return;
		}
		outbox.add(clientId, text, replyTo);
		onSent();
		input.value = '';
		if (replyTo !== null) {
			setMode(null);
		}
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
		else if (event.key === 'Escape' && mode) {
			event.preventDefault();
			if (mode.kind === 'edit') {
				input.value = '';
			}
			setMode(null);
		}
		else if (event.key === 'ArrowUp' && !input.value && !mode) {
			const last = lastOwn();
			if (last) {
				event.preventDefault();
				startEdit(last);
			}
		}
	});

	contextCancel.addEventListener('click', () => {
		if (mode && mode.kind === 'edit') {
			input.value = '';
		}
		setMode(null);
		input.focus();
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

		/** The next line replies to this CHAT. */
		replyTo(message) {
			if (mode && mode.kind === 'edit') {
				input.value = mode.draft;
			}
			setMode({ kind: 'reply', message: message });
			input.focus();
		},

		/** Edits one of my CHATs: its text in the composer until sent or cancelled. */
		edit: startEdit,

		/** A line was deleted or changed: a reply to it or an edit of it is cancelled. */
		forget(seq) {
			if (mode && mode.message.seq === seq) {
				if (mode.kind === 'edit') {
					input.value = '';
				}
				setMode(null);
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

