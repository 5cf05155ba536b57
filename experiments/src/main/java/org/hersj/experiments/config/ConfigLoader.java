package org.hersj.experiments.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads an experiment config from YAML into immutable records, strictly: an unknown, missing or
 * mistyped key, an out-of-range value or a missing input file is a {@link ConfigException} naming the
 * file, the key path and what was expected. File paths in the result are absolute (resolved against the
 * config file's directory).
 */
public final class ConfigLoader {

    private static final ObjectMapper YAML = JsonMapper.builder(YAMLFactory.builder()
                    .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private static final Map<Class<?>, String> TYPE_NAMES = Map.of(
            Integer.class, "an integer", Long.class, "an integer", Double.class, "a number",
            Boolean.class, "true or false", String.class, "a string", List.class, "a list");

    private ConfigLoader() {
    }

    /**
     * @param file a YAML config file
     * @return the checked config with absolute file paths
     * @throws ConfigException if anything is wrong with the file
     */
    public static ExperimentConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(file, "", "config file not found; expected a YAML file such as configs/quickstart.yaml");
        }
        ExperimentConfig config;
        try {
            YamlStrictness.check(file);
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ConfigException(file, "", "the file is empty; expected keys name, seed, dataset, ...");
            }
            UnknownKeyCheck.check(tree, ExperimentConfig.class, "", file);
            config = YAML.readValue(file.toFile(), ExperimentConfig.class);
        } catch (JsonMappingException e) {
            throw translate(file, e);
        } catch (JsonProcessingException e) {
            throw new ConfigException(file, "", "not valid YAML: " + e.getOriginalMessage().lines().findFirst().orElse("")
                    + locationOf(e));
        } catch (IOException e) {
            throw new ConfigException(file, "", "cannot be read: " + e.getMessage());
        }
        if (config == null) {
            throw new ConfigException(file, "", "the file is empty; expected keys name, seed, dataset, ...");
        }
        Path baseDir = file.toAbsolutePath().normalize().getParent();
        try {
            return config.resolvedAgainst(baseDir);
        } catch (ConfigValueException e) {
            throw new ConfigException(file, e.key(), e.getMessage());
        }
    }

    /**
     * @param config a config
     * @return it as YAML, every default filled in (the "resolved config" of a run)
     */
    public static String toYaml(ExperimentConfig config) {
        try {
            return YAML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write config as YAML", e);
        }
    }

    private static ConfigException translate(Path file, JsonMappingException e) {
        String path = keyPath(e.getPath());
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConfigValueException v) {
                return new ConfigException(file, join(path, v.key()), v.getMessage());
            }
        }
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return new ConfigException(file, path, "unknown key" + locationOf(e) + "; expected one of: " + known);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            Class<?> target = m.getTargetType();
            String expected = List.class.isAssignableFrom(target) ? "a list" : TYPE_NAMES.getOrDefault(target,
                    target.isRecord() ? "a mapping of keys" : target.getSimpleName());
            return new ConfigException(file, path, "wrong type" + locationOf(e) + "; expected " + expected);
        }
        return new ConfigException(file, path, e.getOriginalMessage() + locationOf(e));
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private static String keyPath(List<JsonMappingException.Reference> references) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : references) {
            if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
