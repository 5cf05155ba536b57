package org.hersj.experiments.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Refuses what YAML allows but a config must not hold, before binding: a key given twice in one mapping
 * (the binder would silently keep one of them) and anchors ({@code &name}) or aliases ({@code *name}),
 * which the binder does not resolve. Reads the file's parser events (SnakeYAML), so each problem names
 * the key path and the line.
 */
final class YamlStrictness {

    private YamlStrictness() {
    }

    /** One open mapping or sequence and where in it the parser is. */
    private static final class Level {
        final String path;
        final boolean mapping;
        final Set<String> keys = new HashSet<>();
        boolean expectingKey = true;
        int index;
        String lastKey;

        Level(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }

        /** The path of the value that comes next at this level. */
        String childPath(String key) {
            if (!mapping) {
                return path + "[" + index + "]";
            }
            return path.isEmpty() ? key : path + "." + key;
        }
    }

    /**
     * @param file a YAML config file
     * @throws ConfigException naming the key path and line of a duplicate key, an anchor or an alias
     * @throws IOException     if the file cannot be read
     */
    static void check(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Parser parser = new ParserImpl(new StreamReader(reader), new LoaderOptions());
            Deque<Level> stack = new ArrayDeque<>();
            while (parser.peekEvent() != null) {
                Event event = parser.getEvent();
                Level top = stack.peek();
                int line = event.getStartMark() == null ? 0 : event.getStartMark().getLine() + 1;
                String here = top == null ? "" : top.mapping && !top.expectingKey ? top.childPath(top.lastKey)
                        : top.childPath("");
                if (event instanceof AliasEvent alias) {
                    throw new ConfigException(file, here, "YAML alias *" + alias.getAnchor() + " (line " + line
                            + "); aliases and anchors are not supported in configs, write the value out");
                }
                if (event instanceof NodeEvent node && node.getAnchor() != null) {
                    throw new ConfigException(file, here, "YAML anchor &" + node.getAnchor() + " (line " + line
                            + "); anchors and aliases are not supported in configs, write the value out");
                }
                if (event.is(Event.ID.MappingStart) || event.is(Event.ID.SequenceStart)) {
                    stack.push(new Level(here, event.is(Event.ID.MappingStart)));
                } else if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                    stack.pop();
                    valueDone(stack.peek());
                } else if (event instanceof ScalarEvent scalar) {
                    if (top != null && top.mapping && top.expectingKey) {
                        String key = scalar.getValue();
                        if (!top.keys.add(key)) {
                            throw new ConfigException(file, top.childPath(key), "duplicate key (line " + line
                                    + "); each key may appear once in a mapping");
                        }
                        top.lastKey = key;
                        top.expectingKey = false;
                    } else {
                        valueDone(top);
                    }
                }
            }
        } catch (MarkedYAMLException e) {
            // Syntax errors are reported by the binder with its own message.
        }
    }

    private static void valueDone(Level level) {
        if (level == null) {
            return;
        }
        if (level.mapping) {
            level.expectingKey = true;
        } else {
            level.index++;
        }
    }
}
