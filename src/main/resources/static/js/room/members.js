/*
 * Who is here: the online list (shown once the server sends PRESENCE, never a guess) and the
 * "alice is typing…" line, each typist forgotten after a few seconds without news.
 */
import { el } from '../shared/dom.js';
import { t } from '../shared/i18n.js';

const TYPING_EXPIRES = 6000;

/** view: {members, memberList, memberCount, typingLine}; me: the signed-in user's name. */
export function createMembers(view, me) {
	const { members, memberList, memberCount, typingLine } = view;
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
		},

		/** A PRESENCE event: {online: [names]}; me first, then by name. */
		onPresence(event) {
			members.hidden = false;
			const online = (event.online || []).slice().sort((a, b) => {
				if (a === me) {
					return -1;
				}
				if (b === me) {
					return 1;
				}
				return a.localeCompare(b);
			});
			const fragment = document.createDocumentFragment();
			online.forEach((name) => {
				const item = el('li', name === me ? 'member member-me' : 'member');
				item.appendChild(el('span', 'member-dot'));
				item.appendChild(el('span', 'member-name', name));
				if (name === me) {
					item.appendChild(el('span', 'member-you', t('you')));
				}
				fragment.appendChild(item);
			});
			memberList.replaceChildren(fragment);
			memberCount.textContent = String(online.length);
			memberCount.title = t('onlineCount', online.length);
		}
	};
}
