package org.hersj.fhe.ckks.io;

/**
 * Serialised CKKS data that cannot be read: truncated, corrupted (checksum), of another type or version, or
 * made under other parameters. The message says which, and what was expected.
 */
public final class CkksFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what was expected */
    public CkksFormatException(String message) {
        super(message);
    }
}
