/*
 * HTTP with the CSRF token: JSON in and out, problem+json refusals as HttpError,
 * a missing session sends the user to sign in.
 */

/** A refused request: the status, the server's detail and its error code. */
export class HttpError extends Error {
	constructor(status, detail, error) {
		super(detail || ('HTTP ' + status));
		this.status = status;
		this.detail = detail;
		this.error = error;
	}
}

let csrfCache = null;

function toLogin() {
	window.location.assign('/login');
}

/** Reads the CSRF token from the server (GET /api/csrf), or the one read before unless refresh. */
export function csrf(refresh) {
	if (csrfCache && !refresh) {
		return Promise.resolve(csrfCache);
	}
	return fetch('/api/csrf', { credentials: 'same-origin', headers: { 'Accept': 'application/json' }, cache: 'no-store' })
		.then((response) => {
			if (response.status === 401) {
				toLogin();
				throw new HttpError(401, 'signed out');
			}
			if (!response.ok) {
				throw new HttpError(response.status);
			}
			return response.json();
		})
		.then((token) => {
			csrfCache = token;
			return token;
		});
}

/** fetch() with JSON in and out; problem+json errors become HttpError with the server's detail. */
export function api(method, url, body) {
	const needsToken = method !== 'GET';
	return (needsToken ? csrf() : Promise.resolve(null)).then((token) => {
		const headers = { 'Accept': 'application/json' };
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
	}).then((response) => {
		if (response.status === 401) {
			toLogin();
		}
		const type = response.headers.get('Content-Type') || '';
		const parsed = type.indexOf('json') >= 0 ? response.json().catch(() => null) : Promise.resolve(null);
		return parsed.then((json) => {
			if (!response.ok) {
				throw new HttpError(response.status, json && (json.detail || json.title), json && json.error);
			}
			return json;
		});
	});
}
