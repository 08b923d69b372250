package io.stompchat.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Plain HTTP requests with exactly the headers given: no cookie jar, no CSRF token unless
 * asked for.
 */
final class Http {

	private static final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	private Http() {
	}

	static HttpResponse<String> get(int port, String path, Map<String, String> headers) {
		return send(request(port, path, headers).GET());
	}

	static HttpResponse<String> post(int port, String path, String contentType, String body,
			Map<String, String> headers) {
		return send(request(port, path, headers).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	static HttpRequest.Builder request(int port, String path, Map<String, String> headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		headers.forEach(builder::header);
		return builder;
	}

	static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
