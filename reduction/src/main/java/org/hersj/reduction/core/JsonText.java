package org.hersj.reduction.core;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes records, lists, maps, strings, numbers and booleans as indented JSON, record components under
 * snake_case keys (the same names the YAML configs use). Non-finite numbers become {@code null}.
 */
public final class JsonText {

    private JsonText() {
    }

    /**
     * @param value a record, collection, map, string, number, boolean or null
     * @return its JSON text
     */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, "");
        return out.append('\n').toString();
    }

    /**
     * @param camel a camelCase identifier
     * @return the snake_case form
     */
    public static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static void append(StringBuilder out, Object value, String indent) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            out.append(Double.isFinite(d) ? n.toString() : "null");
        } else if (value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Collection<?> c) {
            appendItems(out, c.stream().map(v -> entry("", (Object) v)).toList(), indent, '[', ']');
        } else if (value instanceof Map<?, ?> m) {
            appendItems(out, m.entrySet().stream().map(e -> entry(String.valueOf(e.getKey()), (Object) e.getValue()))
                    .toList(), indent, '{', '}');
        } else if (value instanceof Record r) {
            appendItems(out, Arrays.stream(r.getClass().getRecordComponents())
                    .map(c -> entry(snakeCase(c.getName()), component(r, c))).toList(), indent, '{', '}');
        } else {
            appendString(out, value.toString());
        }
    }

    private static void appendItems(StringBuilder out, List<Map.Entry<String, Object>> items, String indent,
                                    char open, char close) {
        out.append(open);
        if (items.isEmpty()) {
            out.append(close);
            return;
        }
        String inner = indent + "  ";
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "\n" : ",\n").append(inner);
            if (open == '{') {
                appendString(out, items.get(i).getKey());
                out.append(": ");
            }
            append(out, items.get(i).getValue(), inner);
        }
        out.append('\n').append(indent).append(close);
    }

    private static Map.Entry<String, Object> entry(String key, Object value) {
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    private static Object component(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    private static void appendString(StringBuilder out, String s) {
        out.append('"');
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
