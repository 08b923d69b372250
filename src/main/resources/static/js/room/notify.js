/*
 * Desktop notifications: the "Notify me" switch in the room's header asks for permission when
 * pressed (never on load) and is remembered in localStorage; while it is on and the page is
 * hidden, a line that mentions me, or any line of a direct chat, shows a Notification. Clicking
 * it brings the window and the room forward.
 */
import { t } from '../shared/i18n.js';

const KEY = 'stompchat.notify';

/** toggle: the switch (a button with aria-pressed); isDirect(): this is a direct chat. */
export function createNotify(toggle, roomId, me, isDirect) {
	const supported = 'Notification' in window;

	function on() {
		return supported && window.localStorage.getItem(KEY) === 'on' && window.Notification.permission === 'granted';
	}

	function show() {
		toggle.setAttribute('aria-pressed', String(on()));
		toggle.title = on() ? t('notifyOnTitle') : t('notifyOffTitle');
		toggle.querySelector('.notify-label').textContent = on() ? t('notifyOn') : t('notifyOff');
	}

	toggle.hidden = !supported;
	toggle.addEventListener('click', () => {
		if (on()) {
			window.localStorage.setItem(KEY, 'off');
			show();
			return;
		}
		const ask = window.Notification.permission === 'default'
			? Promise.resolve(window.Notification.requestPermission()) : Promise.resolve(window.Notification.permission);
		ask.then((permission) => {
			window.localStorage.setItem(KEY, permission === 'granted' ? 'on' : 'off');
			show();
			if (permission === 'denied') {
				toggle.title = t('notifyDenied');
			}
		});
	});
	window.addEventListener('storage', (event) => {
		if (event.key === KEY) {
			show();
		}
	});
	if (supported) {
		show();
	}

	function mentionsMe(message) {
		return (message.mentions || []).some((name) => name.toLowerCase() === me.toLowerCase());
	}

	return {
		/** Lines that just arrived live: each that calls for it is notified while the page is hidden. */
		arrived(fresh) {
			if (!on() || !document.hidden) {
				return;
			}
			fresh.filter((message) => message.type === 'CHAT' && message.sender !== me && !message.deleted
					&& (mentionsMe(message) || isDirect())).forEach((message) => {
				const title = mentionsMe(message) ? t('notifyMention', message.sender) : message.sender;
				const notification = new window.Notification(title, {
					body: message.text, tag: 'room-' + roomId + '-' + message.seq, lang: document.documentElement.lang
				});
				notification.onclick = () => {
					window.focus();
					if (window.location.pathname !== '/rooms/' + roomId) {
						window.location.assign('/rooms/' + encodeURIComponent(roomId));
					}
					notification.close();
				};
			});
		}
	};
}
