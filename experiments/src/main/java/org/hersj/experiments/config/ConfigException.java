package org.hersj.experiments.config;

import java.nio.file.Path;

/**
 * An experiment config that cannot be used. The message names the config file, the key path (e.g.
 * {@code dataset.features}) and what was expected.
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String keyPath;

    /**
     * @param file    the config file
     * @param keyPath dotted key path, e.g. {@code reduction[0].dimensions}; empty for the whole document
     * @param problem what is wrong and what was expected
     */
    public ConfigException(Path file, String keyPath, String problem) {
        super(file + (keyPath.isEmpty() ? "" : ": " + keyPath) + ": " + problem);
        this.keyPath = keyPath;
    }

    /** @return the dotted key path of the offending value */
    public String keyPath() {
        return keyPath;
    }
}
