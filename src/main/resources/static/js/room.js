/*
 * A room: history, live messages, catch-up after a drop, typing, presence, composer.
 *
 * Every message is kept by its seq, so whatever arrives twice (history, topic, REST catch-up)
 * is shown once, and any gap in seq is filled from GET /api/rooms/{id}/messages?after=lastSeq.
 */
(function (window, document, chat) {
	'use strict';

	var t = chat.t;
	var MAX_CODE_POINTS = 2000;
	var COUNTER_FROM = 1800;
	var PAGE = 50;
	var TYPING_EVERY = 3000;
	var TYPING_EXPIRES = 6000;

	var main = document.getElementById('main');
	var roomId = main.dataset.roomId;
	var me = main.dataset.username;
	var base = '/api/rooms/' + encodeURIComponent(roomId) + '/messages';

	var scroller = document.getElementById('scroller');
	var list = document.getElementById('messages');
	var pendingList = document.getElementById('pending');
	var loadEarlierButton = document.getElementById('load-earlier');
	var historyStart = document.getElementById('history-start');
	var pill = document.getElementById('new-pill');
	var announcer = document.getElementById('announcer');
	var typingLine = document.getElementById('typing');
	var connState = document.getElementById('conn-state');
	var connText = document.getElementById('conn-text');
	var retryButton = document.getElementById('retry');
	var composer = document.getElementById('composer');
	var input = document.getElementById('text');
	var sendButton = document.getElementById('send');
	var counter = document.getElementById('counter');
	var leaveButton = document.getElementById('leave');
	var notice = document.getElementById('notice');
	var noticeText = document.getElementById('notice-text');
	var memberList = document.getElementById('member-list');
	var memberCount = document.getElementById('member-count');
	var members = document.getElementById('members');

	var timeFormat = new Intl.DateTimeFormat(chat.lang(), { hour: 'numeric', minute: '2-digit' });
	var dayFormat = new Intl.DateTimeFormat(chat.lang(), { dateStyle: 'full' });

	// --- the messages, by seq ---

	var messages = new Map();
	var nodes = new Map();
	var lastSeq = 0; // every seq up to this one is on screen (from the first one loaded)
	var historyLoaded = false;
	var early = []; // topic messages that came before the history answer
	var hasMoreBefore = false;
	var loadingEarlier = false;
	var catching = false;
	var catchAgain = false;
	var outbox = new Map(); // clientId -> {text, node}: sent, not yet seen back

	function isMessage(event) {
		return event.type === 'CHAT' || event.type === 'JOIN' || event.type === 'LEAVE';
	}

	function dayKey(message) {
		var date = new Date(message.sentAt);
		return date.getFullYear() + '-' + date.getMonth() + '-' + date.getDate();
	}

	function dayLabel(message) {
		var date = new Date(message.sentAt);
		var today = new Date();
		var yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
		if (date.toDateString() === today.toDateString()) {
			return t('today');
		}
		if (date.toDateString() === yesterday.toDateString()) {
			return t('yesterday');
		}
		return dayFormat.format(date);
	}

	function timeElement(message) {
		var time = chat.el('time', 'msg-time', timeFormat.format(new Date(message.sentAt)));
		time.dateTime = message.sentAt;
		time.title = chat.fullTime(message.sentAt);
		return time;
	}

	function messageNode(message) {
		var node;
		if (message.type === 'CHAT') {
			var own = message.sender === me;
			node = chat.el('li', own ? 'msg msg-own' : 'msg');
			var meta = chat.el('div', 'msg-meta');
			var sender = chat.el('span', 'msg-sender', message.sender);
			if (own) {
				sender.appendChild(chat.el('span', 'visually-hidden', ' ' + t('you')));
			}
			meta.appendChild(sender);
			meta.appendChild(timeElement(message));
			node.appendChild(meta);
			node.appendChild(chat.el('p', 'msg-text', message.text));
		}
		else {
			node = chat.el('li', 'msg-system');
			node.appendChild(chat.el('span', 'msg-system-text',
					t(message.type === 'JOIN' ? 'joined' : 'left', message.sender)));
			node.appendChild(timeElement(message));
		}
		node.dataset.seq = String(message.seq);
		node.dataset.type = message.type;
		node.dataset.sender = message.sender;
		return node;
	}

	function separator(message) {
		var node = chat.el('li', 'day-separator');
		node.setAttribute('role', 'separator');
		node.appendChild(chat.el('span', null, dayLabel(message)));
		node.dataset.day = dayKey(message);
		return node;
	}

	/** Consecutive lines of one sender within five minutes share one name. */
	function continues(previous, message) {
		return previous && previous.type === 'CHAT' && message.type === 'CHAT' && previous.sender === message.sender
				&& dayKey(previous) === dayKey(message)
				&& new Date(message.sentAt) - new Date(previous.sentAt) < 5 * 60 * 1000;
	}

	function sortedSeqs() {
		return Array.from(messages.keys()).sort(function (a, b) { return a - b; });
	}

	/** Lays out every message in seq order with day separators (after inserts that are not appends). */
	function rebuild() {
		var fragment = document.createDocumentFragment();
		var previous = null;
		sortedSeqs().forEach(function (seq) {
			var message = messages.get(seq);
			if (!previous || dayKey(previous) !== dayKey(message)) {
				fragment.appendChild(separator(message));
			}
			var node = nodes.get(seq);
			node.classList.toggle('msg-cont', !!continues(previous, message));
			fragment.appendChild(node);
			previous = message;
		});
		list.replaceChildren(fragment);
	}

	function append(message, previous) {
		if (!previous || dayKey(previous) !== dayKey(message)) {
			list.appendChild(separator(message));
		}
		var node = nodes.get(message.seq);
		node.classList.toggle('msg-cont', !!continues(previous, message));
		list.appendChild(node);
	}

	function atBottom() {
		return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48;
	}

	function scrollToBottom() {
		scroller.scrollTop = scroller.scrollHeight;
		pill.hidden = true;
	}

	/**
	 * Adds messages not seen before (by seq) and keeps the reader's place.
	 * live: they arrived on the topic (announce them, offer the pill when scrolled up).
	 */
	function add(incoming, live) {
		var seqs = sortedSeqs();
		var max = seqs.length ? seqs[seqs.length - 1] : 0;
		var min = seqs.length ? seqs[0] : Infinity;
		var fresh = incoming.filter(function (message) {
			return !messages.has(message.seq);
		}).sort(function (a, b) { return a.seq - b.seq; });
		if (!fresh.length) {
			return [];
		}
		var wasAtBottom = atBottom();
		var oldHeight = scroller.scrollHeight;
		var oldTop = scroller.scrollTop;
		var own = false;
		fresh.forEach(function (message) {
			messages.set(message.seq, message);
			nodes.set(message.seq, messageNode(message));
			if (message.sender === me && message.clientId && outbox.has(message.clientId)) {
				outbox.get(message.clientId).node.remove();
				outbox.delete(message.clientId);
			}
			own = own || (live && message.sender === me);
		});
		var prepend = fresh[fresh.length - 1].seq < min;
		if (fresh[0].seq > max) {
			var previous = max ? messages.get(max) : null;
			fresh.forEach(function (message) {
				append(message, previous);
				previous = message;
			});
		}
		else {
			rebuild();
		}
		list.setAttribute('aria-busy', 'false');
		if (prepend && seqs.length) {
			scroller.scrollTop = oldTop + (scroller.scrollHeight - oldHeight);
		}
		else if (wasAtBottom || own) {
			scrollToBottom();
		}
		else if (live || historyLoaded) {
			pill.hidden = false;
		}
		if (live) {
			announce(fresh);
			countUnseen(fresh);
		}
		markRead();
		return fresh;
	}

	function announce(fresh) {
		fresh.forEach(function (message) {
			if (message.sender === me) {
				return;
			}
			var text = message.type === 'CHAT' ? t('announce', message.sender, message.text)
					: t(message.type === 'JOIN' ? 'joined' : 'left', message.sender);
			announcer.appendChild(chat.el('p', null, text));
		});
		while (announcer.childElementCount > 5) {
			announcer.firstElementChild.remove();
		}
	}

	// "(3) General · stomp-chat" while the tab is in the background
	var baseTitle = document.title;
	var unseen = 0;

	function countUnseen(fresh) {
		if (document.visibilityState !== 'hidden') {
			return;
		}
		unseen += fresh.filter(function (message) {
			return message.type === 'CHAT' && message.sender !== me;
		}).length;
		document.title = unseen ? '(' + unseen + ') ' + baseTitle : baseTitle;
	}

	document.addEventListener('visibilitychange', function () {
		if (document.visibilityState === 'visible') {
			unseen = 0;
			document.title = baseTitle;
		}
	});

	/** Moves lastSeq over every seq now present; true when a gap remains above it. */
	function advance() {
		while (messages.has(lastSeq + 1)) {
			lastSeq++;
		}
		var seqs = sortedSeqs();
		return seqs.length > 0 && seqs[seqs.length - 1] > lastSeq;
	}

	/** Fills everything after lastSeq from REST, page by page, then any gap found meanwhile. */
	function catchUp() {
		if (catching) {
			catchAgain = true;
			return;
		}
		catching = true;
		catchAgain = false;
		var next = function () {
			return chat.api('GET', base + '?after=' + lastSeq + '&limit=200').then(function (page) {
				var before = lastSeq;
				add(page.messages, false);
				advance();
				if (page.hasMore && lastSeq > before) {
					return next();
				}
				if (advance()) {
					// seqs the server does not have: do not ask for them forever
					lastSeq = sortedSeqs().pop();
				}
				return null;
			});
		};
		next().catch(function () {
			// the next reconnect tries again
		}).then(function () {
			catching = false;
			if (catchAgain) {
				catchUp();
			}
		});
	}

	function onHistory(page) {
		if (historyLoaded) {
			return;
		}
		historyLoaded = true;
		hasMoreBefore = page.hasMore;
		var all = page.messages.concat(early);
		early = [];
		page.messages.forEach(function (message) {
			lastSeq = Math.max(lastSeq, message.seq);
		});
		add(all, false);
		list.setAttribute('aria-busy', 'false');
		scrollToBottom();
		showHistoryEdge();
		var gap = advance();
		if (gap) {
			catchUp();
		}
		fillViewport();
	}

	function showHistoryEdge() {
		loadEarlierButton.hidden = !hasMoreBefore;
		historyStart.hidden = hasMoreBefore;
	}

	function loadEarlier() {
		if (loadingEarlier || !hasMoreBefore || !historyLoaded) {
			return Promise.resolve();
		}
		var seqs = sortedSeqs();
		if (!seqs.length) {
			return Promise.resolve();
		}
		loadingEarlier = true;
		loadEarlierButton.disabled = true;
		return chat.api('GET', base + '?before=' + seqs[0] + '&limit=' + PAGE).then(function (page) {
			hasMoreBefore = page.hasMore;
			add(page.messages, false);
		}).catch(function () {
			showNotice(t('historyFailed'));
		}).then(function () {
			loadingEarlier = false;
			loadEarlierButton.disabled = false;
			showHistoryEdge();
		});
	}

	/** A short history page on a tall screen: keep loading until it scrolls or the room's start is reached. */
	function fillViewport() {
		if (hasMoreBefore && scroller.scrollHeight <= scroller.clientHeight) {
			loadEarlier().then(function () {
				if (hasMoreBefore && scroller.scrollHeight <= scroller.clientHeight) {
					fillViewport();
				}
			});
		}
	}

	// --- typing and presence ---

	var typists = new Map();

	function renderTyping() {
		var names = Array.from(typists.keys());
		var text = '';
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

	function onTyping(event) {
		if (event.sender === me) {
			return;
		}
		window.clearTimeout(typists.get(event.sender));
		if (event.typing) {
			typists.set(event.sender, window.setTimeout(function () {
				typists.delete(event.sender);
				renderTyping();
			}, TYPING_EXPIRES));
		}
		else {
			typists.delete(event.sender);
		}
		renderTyping();
	}

	// the member list shows once the server tells who is online (PRESENCE), never a guess
	function onPresence(event) {
		members.hidden = false;
		var online = (event.online || []).slice().sort(function (a, b) {
			if (a === me) {
				return -1;
			}
			if (b === me) {
				return 1;
			}
			return a.localeCompare(b);
		});
		var fragment = document.createDocumentFragment();
		online.forEach(function (name) {
			var item = chat.el('li', name === me ? 'member member-me' : 'member');
			item.appendChild(chat.el('span', 'member-dot'));
			item.appendChild(chat.el('span', 'member-name', name));
			if (name === me) {
				item.appendChild(chat.el('span', 'member-you', t('you')));
			}
			fragment.appendChild(item);
		});
		memberList.replaceChildren(fragment);
		memberCount.textContent = String(online.length);
		memberCount.title = t('onlineCount', online.length);
	}

	// --- connection ---

	var leaving = null;

	function onEvent(frame) {
		var event = JSON.parse(frame.body);
		if (isMessage(event)) {
			if (typists.has(event.sender) && event.type === 'CHAT') {
				window.clearTimeout(typists.get(event.sender));
				typists.delete(event.sender);
				renderTyping();
			}
			if (!historyLoaded) {
				early.push(event);
				return;
			}
			add([event], true);
			if (advance()) {
				catchUp();
			}
			if (leaving && event.type === 'LEAVE' && event.sender === me) {
				leaving();
			}
		}
		else if (event.type === 'TYPING') {
			onTyping(event);
		}
		else if (event.type === 'PRESENCE') {
			onPresence(event);
		}
	}

	function onError(frame) {
		var error = JSON.parse(frame.body);
		var text = chat.problemText(error);
		if (error.destination && /\.chat$/.test(error.destination) && outbox.size) {
			// the oldest message in flight was refused: give its text back
			var clientId = outbox.keys().next().value;
			var entry = outbox.get(clientId);
			outbox.delete(clientId);
			entry.node.remove();
			if (!input.value) {
				input.value = entry.text;
				updateComposer();
			}
		}
		showNotice(text);
	}

	var connection = chat.connection({
		onState: function (state, seconds) {
			connState.dataset.state = state;
			var text;
			if (state === 'reconnecting') {
				text = seconds ? t('stateReconnecting', seconds) : t('stateReconnectingNow');
			}
			else {
				text = t('state' + state.charAt(0).toUpperCase() + state.slice(1));
			}
			connText.textContent = text;
			retryButton.hidden = !((state === 'reconnecting' && seconds) || state === 'offline');
			setComposerEnabled(state === 'live');
		},
		onConnect: function (client, reconnected) {
			client.subscribe('/user/queue/errors', onError);
			client.subscribe('/topic/room.' + roomId, onEvent);
			if (!historyLoaded) {
				client.subscribe('/app/room.' + roomId + '.history', function (frame) {
					onHistory(JSON.parse(frame.body));
				});
			}
			else {
				catchUp();
			}
			// presence belongs to the STOMP session: every new session joins again
			connection.send('/app/room.' + roomId + '.join');
			outbox.forEach(function (entry, clientId) {
				connection.send('/app/room.' + roomId + '.chat', { text: entry.text, clientId: clientId });
			});
			lastReadSent = 0;
			markRead();
		},
		onDisconnect: function () {
			typists.forEach(function (timer) {
				window.clearTimeout(timer);
			});
			typists.clear();
			renderTyping();
			typingSent = 0;
		}
	});

	retryButton.addEventListener('click', function () {
		connection.retryNow();
	});

	// --- read marker ---

	var lastReadSent = 0;
	var readTimer = null;

	function markRead() {
		if (readTimer || document.visibilityState !== 'visible' || !document.hasFocus() || !atBottom()) {
			return;
		}
		readTimer = window.setTimeout(function () {
			readTimer = null;
			var seqs = sortedSeqs();
			var seq = seqs.length ? seqs[seqs.length - 1] : 0;
			if (seq > lastReadSent && document.hasFocus() && atBottom()
					&& connection.send('/app/room.' + roomId + '.read', { seq: seq })) {
				lastReadSent = seq;
				main.dataset.readSeq = String(seq);
			}
		}, 1000);
	}

	window.addEventListener('focus', markRead);
	document.addEventListener('visibilitychange', markRead);

	// --- composer ---

	var typingSent = 0;

	function codePoints(text) {
		return Array.from(text).length;
	}

	var focusBack = false;

	function setComposerEnabled(enabled) {
		if (!enabled && document.activeElement === input) {
			focusBack = true; // a disabled field loses focus: give it back when live again
		}
		input.disabled = !enabled;
		updateComposer();
		if (enabled && focusBack) {
			focusBack = false;
			input.focus();
		}
	}

	function updateComposer() {
		var length = codePoints(input.value);
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
		if (connection.send('/app/room.' + roomId + '.typing', { typing: typing })) {
			typingSent = typing ? Date.now() : 0;
		}
	}

	function submit() {
		var text = input.value;
		if (sendButton.disabled || !/\S/.test(text) || codePoints(text) > MAX_CODE_POINTS) {
			return;
		}
		var clientId = chat.randomId();
		if (!connection.send('/app/room.' + roomId + '.chat', { text: text, clientId: clientId })) {
			return;
		}
		var node = chat.el('li', 'msg msg-own msg-pending');
		var meta = chat.el('div', 'msg-meta');
		meta.appendChild(chat.el('span', 'msg-sender', me));
		meta.appendChild(chat.el('span', 'msg-time', t('sending')));
		node.appendChild(meta);
		node.appendChild(chat.el('p', 'msg-text', text));
		pendingList.appendChild(node);
		outbox.set(clientId, { text: text, node: node });
		scrollToBottom();
		input.value = '';
		updateComposer();
		if (typingSent) {
			sendTyping(false);
		}
		input.focus();
	}

	composer.addEventListener('submit', function (event) {
		event.preventDefault();
		submit();
	});

	input.addEventListener('keydown', function (event) {
		if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
			event.preventDefault();
			submit();
		}
	});

	input.addEventListener('input', function () {
		updateComposer();
		if (/\S/.test(input.value)) {
			if (Date.now() - typingSent > TYPING_EVERY) {
				sendTyping(true);
			}
		}
		else if (typingSent) {
			sendTyping(false);
		}
	});

	input.addEventListener('blur', function () {
		if (typingSent) {
			sendTyping(false);
		}
	});

	// --- scrolling ---

	scroller.addEventListener('scroll', function () {
		if (scroller.scrollTop < 120) {
			loadEarlier();
		}
		if (atBottom()) {
			pill.hidden = true;
			markRead();
		}
	}, { passive: true });

	loadEarlierButton.addEventListener('click', function () {
		loadEarlier();
	});

	pill.addEventListener('click', function () {
		scrollToBottom();
		input.focus();
	});

	// --- notice ---

	function showNotice(text) {
		noticeText.textContent = text;
		notice.hidden = false;
	}

	document.getElementById('notice-close').addEventListener('click', function () {
		notice.hidden = true;
		input.focus();
	});

	// --- leave ---

	leaveButton.addEventListener('click', function () {
		leaveButton.disabled = true;
		var done = false;
		var go = function () {
			if (done) {
				return;
			}
			done = true;
			connection.close();
			window.location.assign('/');
		};
		if (connection.send('/app/room.' + roomId + '.leave')) {
			// wait until the LEAVE is stored and comes back, so the others surely see it
			leaving = go;
			window.setTimeout(go, 3000);
		}
		else {
			go();
		}
	});

	// day labels ("Today") go stale after midnight
	window.setInterval(function () {
		list.querySelectorAll('.day-separator').forEach(function (node) {
			var seq = node.nextElementSibling && Number(node.nextElementSibling.dataset.seq);
			if (seq && messages.has(seq)) {
				node.firstElementChild.textContent = dayLabel(messages.get(seq));
			}
		});
	}, 60000);

	updateComposer();
})(window, document, window.StompChat);
