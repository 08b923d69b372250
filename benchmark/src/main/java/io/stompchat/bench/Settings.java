package io.stompchat.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: {@code --name value} pairs (and bare flags), read with defaults; the whole of it
 * goes into every report so a run can be repeated.
 */
record Settings(Map<String, String> values, List<String> argv) {

	static final String USAGE = """
			usage: java -jar benchmark/target/stomp-chat-bench.jar --workload W [options]
			  --workload fanout|rooms|slow|startup|connections|history|lobby
			 server (default: start target/stomp-chat-*.jar of --root with a temp-dir H2 and raised limits)
			  --url http://host:port --server-pid N   use a running server instead (start it with raised limits)
			  --root .                 the stomp-chat checkout (its jar, its git commit)
			  --jvm "-Xmx1g"           JVM flags of a started server
			  --prop key=value         extra server property (repeatable, comma separated)
			  --relay artemis          start an embedded Artemis (separate JVM) and the server with the broker relay
			  --relay rabbitmq         the server with the broker relay to a RabbitMQ running here (--rabbitmq-port 61613)
			  --deflate                connections offer permessage-deflate and the server accepts it
			 load
			  --subscribers 200        fan-out / slow: subscribers of the one room
			  --senders N              members of each room that take turns at sending (default all; 1 = one publisher)
			  --rooms 100 --members 10 --users 200   many rooms / start-up
			  --rate 100 | --rates 50,100,200         msg/s; with --rates, steps until p99 > --p99-limit-ms (50)
			  --seconds 10 --warmup-seconds S        measured pass and warm-up pass (same load; 0: none)
			  --drain-seconds 5        wait after the window for deliveries under way
			  --connections 10000 --idle-seconds 30 --settle-seconds 0  connections workload (settle: wait after the ramp)
			  --messages 100000 --loader jdbc|stomp --requests 500   history workload
			  --rooms 200 --users 10000 --rooms-per-user 3 --online 50 --requests 500 --warmup-requests 500   lobby workload
			  --jdbc-url URL --jdbc-user sa --jdbc-password ""   the database of a running server (history, lobby)
			  --client-threads 2       WebSocket listener threads of this load generator
			 output
			  --out target/bench       JSON under OUT/runs/, markdown and PNG under OUT/ (docs/bench for the baseline)
			  --peers                  also run /work/shared/peers/run.sh SUBS RATE SECS (--peers-script PATH)
			""";

	static Settings parse(String[] args) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (!a.startsWith("--")) {
				throw new IllegalArgumentException("unexpected argument: " + a + "\n" + USAGE);
			}
			String key = a.substring(2);
			String value = "true";
			int eq = key.indexOf('=');
			if (eq > 0) {
				value = key.substring(eq + 1);
				key = key.substring(0, eq);
			}
			else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
				value = args[++i];
			}
			values.merge(key, value, (x, y) -> x + "," + y);
		}
		return new Settings(values, Arrays.asList(args));
	}

	String text(String key, String fallback) {
		return this.values.getOrDefault(key, fallback);
	}

	int integer(String key, int fallback) {
		return Integer.parseInt(text(key, Integer.toString(fallback)));
	}

	boolean flag(String key) {
		return Boolean.parseBoolean(text(key, "false"));
	}

	boolean has(String key) {
		return this.values.containsKey(key);
	}

	List<Double> rates(double fallback) {
		List<Double> rates = new ArrayList<>();
		for (String r : text("rates", text("rate", Double.toString(fallback))).split(",")) {
			rates.add(Double.parseDouble(r.trim()));
		}
		return rates;
	}

	List<String> list(String key) {
		List<String> out = new ArrayList<>();
		if (has(key)) {
			for (String v : text(key, "").split(",")) {
				if (!v.isBlank()) {
					out.add(v.trim());
				}
			}
		}
		return out;
	}

}
