package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.file.Path;

/** A record file is missing, truncated, tampered with, or does not match what the caller expects. */
public final class RecordFileException extends IOException {

  private static final long serialVersionUID = 1L;

  /** A problem with {@code file}; the message should say what was expected and what to do. */
  public RecordFileException(Path file, String message) {
    super(message + " (file " + file + ")");
  }
}
