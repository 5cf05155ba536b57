package org.hersj.experiments.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

/** Assertions on config errors shared by the config tests. */
final class ConfigAssertions {

    private ConfigAssertions() {
    }

    /** Loading {@code file} fails with a message naming the file and {@code key} and containing {@code expected}. */
    static void failsAt(Path file, String key, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file));
        assertTrue(e.getMessage().startsWith(file + ": " + key + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
