/*
 * A STOMP session over SockJS that comes back by itself: ?transport=name forces a SockJS
 * transport, a lost session is retried with exponential backoff from 1 s to 30 s with jitter,
 * and the browser's online event retries at once.
 */
import { csrf } from './http.js';

// the transports Spring serves: not jsonp-polling, which Spring no longer serves
const SOCKJS_TRANSPORTS = ['websocket', 'xhr-streaming', 'xhr-polling', 'eventsource', 'iframe-eventsource',
	'htmlfile', 'iframe-htmlfile', 'iframe-xhr-polling'];

/** The SockJS transport forced by ?transport=name, or null for SockJS' own choice. */
function forcedTransport() {
	const name = new URLSearchParams(window.location.search).get('transport');
	return name && SOCKJS_TRANSPORTS.indexOf(name) >= 0 ? name : null;
}

/**
 * A connection that is not open yet: hand it to whoever sends, then start it with
 *   onConnect(client, reconnected)  subscribe here (called again after every reconnect)
 *   onState(state, seconds)         'connecting' | 'live' | 'reconnecting' (in seconds) | 'offline'
 *   onDisconnect()                  the session was lost (a reconnect is scheduled)
 *   onReceipt(id)                   the server acknowledged the SEND sent with this receipt id
 * Heart-beats go both ways every 25 s; the server drops a client silent for three of them. A
 * close with 1012 (the server restarting) is lost like any other: reconnected with backoff and
 * jitter, so that clients do not all come back at the same moment.
 */
export function stompConnection() {
	let handlers = null;
	let client = null;
	let attempt = 0;
	let timer = null;
	let countdown = null;
	let stopped = false;
	let everConnected = false;

	function setState(next, seconds) {
		if (handlers.onState) {
			handlers.onState(next, seconds);
		}
	}

	function clearTimers() {
		window.clearTimeout(timer);
		window.clearInterval(countdown);
		timer = null;
		countdown = null;
	}

	function open() {
		clearTimers();
		if (stopped) {
			return;
		}
		if (navigator.onLine === false) {
			setState('offline');
			return;
		}
		setState(everConnected ? 'reconnecting' : 'connecting', 0);
		csrf(true).then((token) => {
			if (stopped) {
				return;
			}
			const transport = forcedTransport();
			const socket = new window.SockJS('/ws', null, transport ? { transports: [transport] } : {});
			const stomp = window.Stomp.over(socket);
			let failed = false;
			stomp.debug = null;
			stomp.heartbeat.outgoing = 25000;
			stomp.heartbeat.incoming = 25000;
			stomp.onreceipt = (frame) => {
				if (client === stomp && handlers.onReceipt) {
					handlers.onReceipt(frame.headers['receipt-id']);
				}
			};
			client = stomp;
			const headers = {};
			headers[token.headerName] = token.token;
			stomp.connect(headers, () => {
				if (client !== stomp) {
					return;
				}
				attempt = 0;
				document.body.dataset.transport = socket.transport || '';
				const reconnected = everConnected;
				everConnected = true;
				setState('live');
				handlers.onConnect(stomp, reconnected);
			}, () => {
				if (failed || client !== stomp) {
					return;
				}
				failed = true;
				lost();
			});
		}).catch(() => {
			lost();
		});
	}

	function lost() {
		if (stopped) {
			return;
		}
		const dead = client;
		client = null;
		if (dead) {
			try {
				dead.ws.onclose = null;
				dead.ws.close();
			}
			catch (ignored) {
				// already closed
			}
		}
		if (handlers.onDisconnect) {
			handlers.onDisconnect();
		}
		schedule();
	}

	function schedule() {
		clearTimers();
		if (navigator.onLine === false) {
			setState('offline');
			return;
		}
		const base = Math.min(30000, 1000 * Math.pow(2, attempt));
		attempt++;
		const delay = Math.round(base / 2 + Math.random() * base / 2);
		const due = Date.now() + delay;
		const tick = () => {
			setState('reconnecting', Math.max(1, Math.ceil((due - Date.now()) / 1000)));
		};
		tick();
		countdown = window.setInterval(tick, 1000);
		timer = window.setTimeout(open, delay);
	}

	function retryNow() {
		if (!client && !stopped) {
			attempt = 0;
			open();
		}
	}

	return {
		/** Connects now and keeps reconnecting until close(). */
		start(given) {
			handlers = given;
			window.addEventListener('offline', () => {
				if (client) {
					lost();
				}
				else {
					clearTimers();
					setState('offline');
				}
			});
			window.addEventListener('online', retryNow);
			open();
		},
		/**
		 * Sends JSON to an /app destination, asking for a RECEIPT when a receipt id is given
		 * (onReceipt gets it once the server has done what was asked); false when not connected.
		 */
		send(destination, body, receipt) {
			if (!client || !client.connected) {
				return false;
			}
			client.send(destination, receipt ? { receipt: receipt } : {}, JSON.stringify(body === undefined ? {} : body));
			return true;
		},
		retryNow: retryNow,
		close() {
			stopped = true;
			clearTimers();
			if (client) {
				const closing = client;
				client = null;
				try {
					closing.disconnect();
				}
				catch (ignored) {
					// already closed
				}
			}
		}
	};
}
