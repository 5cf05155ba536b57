package org.hersj.fhe.search.engine;

/**
 * An engine was asked for that cannot be used in this JVM (its module is not on the class path, or its
 * native library cannot be loaded); the message says which and what to do.
 */
public final class EngineUnavailableException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** An unavailable engine, with the reason and the fix in {@code message}. */
  public EngineUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
