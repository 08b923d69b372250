package io.stompchat.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The peers' figures with the same method: runs {@code run.sh SUBS RATE SECS} (the Socket.IO design
 * and a bare Spring STOMP server) and keeps the JSON lines it prints.
 */
final class Peers {

	private Peers() {
	}

	static List<Map<String, Object>> run(Path script, int subscribers, double rate, int seconds) throws Exception {
		Log.info("running the peers: %s %d %.0f %d", script, subscribers, rate, seconds);
		Process p = new ProcessBuilder("bash", script.toString(), Integer.toString(subscribers),
				Long.toString(Math.round(rate)), Integer.toString(seconds))
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		List<Map<String, Object>> lines = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
			String line;
			while ((line = r.readLine()) != null) {
				if (line.startsWith("{")) {
					Map<String, Object> m = Json.readFlat(line);
					m.putIfAbsent("peer", "socketio");
					lines.add(m);
					Log.info("peer: %s", line);
				}
			}
		}
		int code = p.waitFor();
		if (code != 0) {
			Log.info("the peers' script exited with %d", code);
		}
		return lines;
	}

}
