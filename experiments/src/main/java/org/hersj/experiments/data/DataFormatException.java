package org.hersj.experiments.data;

import java.nio.file.Path;

/**
 * A feature or label file that cannot be used: the message names the file, says what was wrong
 * (and where, e.g. the row) and what was expected.
 */
public final class DataFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param file    the offending file
     * @param problem what was wrong and what was expected
     */
    public DataFormatException(Path file, String problem) {
        super(file.getFileName() + ": " + problem + " (file " + file + ")");
    }
}
