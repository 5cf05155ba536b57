package org.hersj.experiments.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Finds keys in a YAML tree that the config records do not have, walking the records' components
 * (nested records and lists of records included). Run before binding, so that a misspelt key is reported
 * as such rather than as the correctly spelt key being missing.
 */
final class UnknownKeyCheck {

    private UnknownKeyCheck() {
    }

    /**
     * @param node a YAML tree
     * @param type the record type it should bind to
     * @param path key path of {@code node}, empty for the document
     * @param file the config file, for messages
     * @throws ConfigException naming the first unknown key
     */
    static void check(JsonNode node, Class<?> type, String path, Path file) {
        if (!type.isRecord() || !node.isObject()) {
            return;
        }
        RecordComponent[] components = type.getRecordComponents();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            String keyPath = path.isEmpty() ? name : path + "." + name;
            RecordComponent component = Arrays.stream(components).filter(c -> c.getName().equals(name))
                    .findFirst().orElse(null);
            if (component == null) {
                String known = Arrays.stream(components).map(RecordComponent::getName).sorted()
                        .collect(Collectors.joining(", "));
                throw new ConfigException(file, keyPath, "unknown key; expected one of: " + known);
            }
            JsonNode child = node.get(name);
            if (List.class.isAssignableFrom(component.getType()) && child.isArray()) {
                Class<?> element = elementType(component.getGenericType());
                for (int i = 0; i < child.size(); i++) {
                    check(child.get(i), element, keyPath + "[" + i + "]", file);
                }
            } else {
                check(child, component.getType(), keyPath, file);
            }
        }
    }

    private static Class<?> elementType(Type type) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
