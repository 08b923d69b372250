/*
 * Telling about new lines from others: read aloud by screen readers (the polite #announcer,
 * last five kept) and counted in the tab title, "(3) General · stomp-chat", while the tab is hidden.
 */
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';
import { systemText } from './lines.js';

export function createAlerts(announcer, me) {
	let baseTitle = document.title;
	let unseen = 0;

	function announce(fresh) {
		fresh.forEach((message) => {
			if (message.sender === me) {
				return;
			}
			const text = message.type === 'CHAT' ? t('announce', message.sender, message.text) : systemText(message);
			announcer.appendChild(el('p', null, text));
		});
		while (announcer.childElementCount > 5) {
			announcer.firstElementChild.remove();
		}
	}

	function countUnseen(fresh) {
		if (document.visibilityState !== 'hidden') {
			return;
		}
		unseen += fresh.filter((message) => message.type === 'CHAT' && message.sender !== me).length;
		document.title = unseen ? '(' + unseen + ') ' + baseTitle : baseTitle;
	}

	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') {
			unseen = 0;
			document.title = baseTitle;
		}
	});

	return {
		/** The room goes by another name (a direct chat: the other person's). */
		retitle(name) {
			baseTitle = name + ' · ' + baseTitle.split(' · ').pop();
			document.title = baseTitle;
		},

		/** Messages that just arrived live on the topic. */
		arrived(fresh) {
			if (!fresh.length) {
				return;
			}
			announce(fresh);
			countUnseen(fresh);
		}
	};
}
