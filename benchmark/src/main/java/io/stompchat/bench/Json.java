package io.stompchat.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough JSON: writes maps, lists, strings and numbers; reads one flat object (the peers' lines). */
final class Json {

	private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE+]+|true|false|null)");

	private Json() {
	}

	static String write(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out, "");
		return out.toString();
	}

	private static void write(Object v, StringBuilder out, String indent) {
		if (v == null) {
			out.append("null");
		}
		else if (v instanceof Map<?, ?> map) {
			out.append("{");
			String inner = indent + "  ";
			boolean first = true;
			for (Map.Entry<?, ?> e : map.entrySet()) {
				out.append(first ? "\n" : ",\n").append(inner);
				string(e.getKey().toString(), out);
				out.append(": ");
				write(e.getValue(), out, inner);
				first = false;
			}
			out.append(first ? "}" : "\n" + indent + "}");
		}
		else if (v instanceof List<?> list) {
			out.append("[");
			String inner = indent + "  ";
			boolean first = true;
			for (Object o : list) {
				out.append(first ? "\n" : ",\n").append(inner);
				write(o, out, inner);
				first = false;
			}
			out.append(first ? "]" : "\n" + indent + "]");
		}
		else if (v instanceof Double d) {
			out.append((d.isNaN() || d.isInfinite()) ? "null" : (d == Math.rint(d) && Math.abs(d) < 1e15)
					? Long.toString(d.longValue()) : d.toString());
		}
		else if (v instanceof Number || v instanceof Boolean) {
			out.append(v);
		}
		else {
			string(v.toString(), out);
		}
	}

	private static void string(String s, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}

	/** The fields of one flat JSON object: numbers as Double, strings as String. */
	static Map<String, Object> readFlat(String line) {
		Map<String, Object> m = new LinkedHashMap<>();
		Matcher matcher = FIELD.matcher(line);
		while (matcher.find()) {
			String raw = matcher.group(2);
			if (matcher.group(3) != null) {
				m.put(matcher.group(1), matcher.group(3));
			}
			else if (raw.equals("true") || raw.equals("false")) {
				m.put(matcher.group(1), Boolean.valueOf(raw));
			}
			else if (!raw.equals("null")) {
				m.put(matcher.group(1), Double.valueOf(raw));
			}
		}
		return m;
	}

}
