package org.hersj.experiments.config;

/**
 * Thrown by a config record's constructor when one of its keys has a missing or out-of-range value.
 * {@link ConfigLoader} prefixes the key with the path of the record in the document and turns it into a
 * {@link ConfigException}.
 */
public final class ConfigValueException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param key     the key relative to the record, e.g. {@code identities} or {@code dimensions[1]}
     * @param problem what is wrong and what was expected
     */
    public ConfigValueException(String key, String problem) {
        super(problem);
        this.key = key;
    }

    /** @return the key relative to the record that threw */
    public String key() {
        return key;
    }
}
