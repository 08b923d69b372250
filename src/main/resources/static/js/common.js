/*
 * Shared bits of the stomp-chat pages: translated strings, HTTP with the CSRF token,
 * and a STOMP connection over SockJS that reconnects by itself.
 * No framework and no build step; every user value reaches the page through textContent.
 */
(function (window, document) {
	'use strict';

	var SOCKJS_TRANSPORTS = ['websocket', 'xhr-streaming', 'xhr-polling', 'eventsource', 'iframe-eventsource',
		'htmlfile', 'iframe-htmlfile', 'iframe-xhr-polling', 'jsonp-polling'];

	/** Strings from messages*.properties, rendered by Thymeleaf into data-* attributes of #i18n. */
	function t(key) {
		var args = Array.prototype.slice.call(arguments, 1);
		var text = has(key) ? lookup(key) : key;
		return text.replace(/\{(\d+)\}/g, function (match, index) {
			var value = args[Number(index)];
			return value === undefined ? match : String(value);
		});
	}

	function lookup(key) {
		var page = document.getElementById('i18n');
		if (page && page.dataset[key] !== undefined) {
			return page.dataset[key];
		}
		var common = document.getElementById('i18n-common');
		return common ? common.dataset[key] : undefined;
	}

	function has(key) {
		return lookup(key) !== undefined;
	}

	/**
	 * What to tell the user about a refusal ({"status", "error", "detail"}): our own words for
	 * the known error codes and statuses (so they come in the page's language), else the detail.
	 */
	function problemText(problem) {
		var code = problem && problem.error ? 'err' + String(problem.error).replace(/(^|_)([a-z])/g, function (m, u, c) {
			return c.toUpperCase();
		}) : null;
		if (code && has(code)) {
			return t(code);
		}
		if (problem && has('errStatus' + problem.status)) {
			return t('errStatus' + problem.status);
		}
		return (problem && problem.detail) || t('errGeneric');
	}

	function lang() {
		return document.documentElement.lang || undefined;
	}

	/** Creates an element with a class and optional text (always as text, never as markup). */
	function el(tag, className, text) {
		var node = document.createElement(tag);
		if (className) {
			node.className = className;
		}
		if (text !== undefined && text !== null) {
			node.textContent = text;
		}
		return node;
	}

	function HttpError(status, detail, error) {
		this.status = status;
		this.detail = detail;
		this.error = error;
		this.message = detail || ('HTTP ' + status);
	}
	HttpError.prototype = Object.create(Error.prototype);

	var csrfCache = null;

	/** Reads the CSRF token from the server (GET /api/csrf); a missing session sends the user to sign in. */
	function csrf(refresh) {
		if (csrfCache && !refresh) {
			return Promise.resolve(csrfCache);
		}
		return fetch('/api/csrf', { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, cache: 'no-store' })
			.then(function (response) {
				if (response.status === 401) {
					toLogin();
					throw new HttpError(401, 'signed out');
				}
				if (!response.ok) {
					throw new HttpError(response.status);
				}
				return response.json();
			})
			.then(function (token) {
				csrfCache = token;
				return token;
			});
	}

	function toLogin() {
		window.location.assign('/login');
	}

	/** fetch() with JSON in and out; problem+json errors become HttpError with the server's detail. */
	function api(method, url, body) {
		var needsToken = method !== 'GET';
		return (needsToken ? csrf() : Promise.resolve(null)).then(function (token) {
			var headers = { 'Accept': 'application/json' };
			if (token) {
				headers[token.headerName] = token.token;
			}
			if (body !== undefined) {
				headers['Content-Type'] = 'application/json';
			}
			return fetch(url, {
				method: method,
				credentials: 'same-origin',
				cache: 'no-store',
				headers: headers,
				body: body === undefined ? undefined : JSON.stringify(body)
			});
		}).then(function (response) {
			if (response.status === 401) {
				toLogin();
			}
			var type = response.headers.get('Content-Type') || '';
			var parsed = type.indexOf('json') >= 0 ? response.json().catch(function () { return null; }) : Promise.resolve(null);
			return parsed.then(function (json) {
				if (!response.ok) {
					throw new HttpError(response.status, json && (json.detail || json.title), json && json.error);
				}
				return json;
			});
		});
	}

	/** The SockJS transport forced by ?transport=name, or null for SockJS' own choice. */
	function forcedTransport() {
		var name = new URLSearchParams(window.location.search).get('transport');
		return name && SOCKJS_TRANSPORTS.indexOf(name) >= 0 ? name : null;
	}

	/**
	 * A STOMP session that comes back by itself. Options:
	 *   onConnect(client, reconnected)  subscribe here (called again after every reconnect)
	 *   onState(state, seconds)         'connecting' | 'live' | 'reconnecting' (in seconds) | 'offline'
	 * Exponential backoff from 1 s to 30 s with jitter; the browser's online event retries at once.
	 */
	function connection(options) {
		var client = null;
		var attempt = 0;
		var timer = null;
		var countdown = null;
		var stopped = false;
		var everConnected = false;
		var state = null;

		function setState(next, seconds) {
			state = next;
			if (options.onState) {
				options.onState(next, seconds);
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
			csrf(true).then(function (token) {
				if (stopped) {
					return;
				}
				var transport = forcedTransport();
				var socket = new window.SockJS('/ws', null, transport ? { transports: [transport] } : {});
				var stomp = window.Stomp.over(socket);
				var failed = false;
				stomp.debug = null;
				stomp.heartbeat.outgoing = 10000;
				stomp.heartbeat.incoming = 10000;
				client = stomp;
				var headers = {};
				headers[token.headerName] = token.token;
				stomp.connect(headers, function () {
					if (client !== stomp) {
						return;
					}
					attempt = 0;
					document.body.dataset.transport = socket.transport || '';
					var reconnected = everConnected;
					everConnected = true;
					setState('live');
					options.onConnect(stomp, reconnected);
				}, function () {
					if (failed || client !== stomp) {
						return;
					}
					failed = true;
					lost();
				});
			}).catch(function () {
				lost();
			});
		}

		function lost() {
			if (stopped) {
				return;
			}
			var dead = client;
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
			if (options.onDisconnect) {
				options.onDisconnect();
			}
			schedule();
		}

		function schedule() {
			clearTimers();
			if (navigator.onLine === false) {
				setState('offline');
				return;
			}
			var base = Math.min(30000, 1000 * Math.pow(2, attempt));
			attempt++;
			var delay = Math.round(base / 2 + Math.random() * base / 2);
			var due = Date.now() + delay;
			var tick = function () {
				setState('reconnecting', Math.max(1, Math.ceil((due - Date.now()) / 1000)));
			};
			tick();
			countdown = window.setInterval(tick, 1000);
			timer = window.setTimeout(open, delay);
		}

		window.addEventListener('offline', function () {
			if (client) {
				lost();
			}
			else {
				clearTimers();
				setState('offline');
			}
		});
		window.addEventListener('online', function () {
			if (!client && !stopped) {
				attempt = 0;
				open();
			}
		});

		open();

		return {
			/** Sends JSON to an /app destination; false when not connected. */
			send: function (destination, body) {
				if (!client || !client.connected) {
					return false;
				}
				client.send(destination, {}, JSON.stringify(body === undefined ? {} : body));
				return true;
			},
			isLive: function () {
				return !!(client && client.connected);
			},
			retryNow: function () {
				if (!client && !stopped) {
					attempt = 0;
					open();
				}
			},
			state: function () {
				return state;
			},
			close: function () {
				stopped = true;
				clearTimers();
				if (client) {
					var closing = client;
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

	function randomId() {
		if (window.crypto && window.crypto.randomUUID) {
			return 'c-' + window.crypto.randomUUID();
		}
		var bytes = new Uint8Array(16);
		window.crypto.getRandomValues(bytes);
		return 'c-' + Array.prototype.map.call(bytes, function (b) {
			return ('0' + b.toString(16)).slice(-2);
		}).join('');
	}

	/** "3 min ago" / "3분 전" from an ISO instant, in the page's language. */
	function relativeTime(iso) {
		var seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
		var format = new Intl.RelativeTimeFormat(lang(), { numeric: 'auto', style: 'short' });
		var abs = Math.abs(seconds);
		if (abs < 45) {
			return t('timeJustNow');
		}
		if (abs < 3600) {
			return format.format(Math.round(seconds / 60), 'minute');
		}
		if (abs < 86400) {
			return format.format(Math.round(seconds / 3600), 'hour');
		}
		if (abs < 7 * 86400) {
			return format.format(Math.round(seconds / 86400), 'day');
		}
		return new Intl.DateTimeFormat(lang(), { dateStyle: 'medium' }).format(new Date(iso));
	}

	function fullTime(iso) {
		return new Intl.DateTimeFormat(lang(), { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
	}

	window.StompChat = {
		t: t,
		problemText: problemText,
		lang: lang,
		el: el,
		api: api,
		csrf: csrf,
		connection: connection,
		randomId: randomId,
		relativeTime: relativeTime,
		fullTime: fullTime,
		HttpError: HttpError
	};
})(window, document);
