/*
 * The page's words: strings from messages*.properties (rendered by Thymeleaf into the data-*
 * attributes of #i18n and #i18n-common), refusals in the page's language, and times.
 */

/** The page's language (the lang of <html>), or undefined for the browser's own. */
export function lang() {
	return document.documentElement.lang || undefined;
}

function lookup(key) {
	const page = document.getElementById('i18n');
	if (page && page.dataset[key] !== undefined) {
		return page.dataset[key];
	}
	const common = document.getElementById('i18n-common');
	return common ? common.dataset[key] : undefined;
}

function has(key) {
	return lookup(key) !== undefined;
}

/** The string for a key with {0}, {1}… filled from the arguments; the key itself when unknown. */
export function t(key, ...args) {
	const text = has(key) ? lookup(key) : key;
	return text.replace(/\{(\d+)\}/g, (match, index) => {
		const value = args[Number(index)];
		return value === undefined ? match : String(value);
	});
}

/**
 * What to tell the user about a refusal ({"status", "error", "detail"}): our own words for
 * the known error codes and statuses (so they come in the page's language), else the detail.
 */
export function problemText(problem) {
	const code = problem && problem.error
		? 'err' + String(problem.error).replace(/(^|_)([a-z])/g, (m, u, c) => c.toUpperCase()) : null;
	if (code && has(code)) {
		return t(code);
	}
	if (problem && has('errStatus' + problem.status)) {
		return t('errStatus' + problem.status);
	}
	return (problem && problem.detail) || t('errGeneric');
}

/** "3 min ago" / "3분 전" from an ISO instant, in the page's language. */
export function relativeTime(iso) {
	const seconds = Math.round((new Date(iso).getTime() - Date.now()) / 1000);
	const format = new Intl.RelativeTimeFormat(lang(), { numeric: 'auto', style: 'short' });
	const abs = Math.abs(seconds);
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

/** The full date and time of an ISO instant, for a title. */
export function fullTime(iso) {
	return new Intl.DateTimeFormat(lang(), { dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}
