package org.hersj.fhe.openfhe;

/**
 * Thrown when the OpenFHE backend is asked for but cannot be used: the {@code openfhe} module is not on
 * the class path, or OpenFHE's native library cannot be loaded. The message says which and what to do.
 */
public final class OpenFheUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message saying what is missing and what to do. */
    public OpenFheUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
