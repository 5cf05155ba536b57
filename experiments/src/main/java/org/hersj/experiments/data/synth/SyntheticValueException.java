package org.hersj.experiments.data.synth;

/**
 * A generator setting out of its range, naming the setting ({@code latentDimension}, {@code dimension},
 * {@code gain}) so that a config or command line can report it under its own key or flag.
 */
public final class SyntheticValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String problem;

    /**
     * @param key     the setting, as spelt in {@code dataset.synthetic}
     * @param problem what is wrong and what was expected, e.g. {@code is 1; expected an integer from 2 to 64}
     */
    public SyntheticValueException(String key, String problem) {
        super(key + " " + problem);
        this.key = key;
        this.problem = problem;
    }

    /** @return the setting, as spelt in {@code dataset.synthetic} */
    public String key() {
        return key;
    }

    /** @return what is wrong and what was expected, without the key */
    public String problem() {
        return problem;
    }
}
