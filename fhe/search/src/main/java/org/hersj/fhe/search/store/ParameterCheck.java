package org.hersj.fhe.search.store;

import java.nio.file.Path;
import org.hersj.fhe.search.backend.SearchBackend;

/** Checks that a record file was made by the same engine and parameters as a backend. */
public final class ParameterCheck {

  private ParameterCheck() {
  }

  /**
   * Throws unless {@code header} (of {@code file}) was written by {@code backend}'s engine under its
   * parameters, with payloads of the size {@code backend} reads.
   */
  public static void requireSameParameters(RecordFileHeader header, SearchBackend backend, Path file)
      throws RecordFileException {
    if (!header.engine().equals(backend.engineName())) {
      throw new RecordFileException(file, "was written by engine '" + header.engine()
          + "', but the keys belong to engine '" + backend.engineName() + "'");
    }
    if (!header.fingerprint().equals(backend.parameterFingerprint())) {
      throw new RecordFileException(file, "was made under other encryption parameters (fingerprint "
          + abbreviate(header.fingerprint()) + ", " + header.parameters() + ") than the keys ("
          + abbreviate(backend.parameterFingerprint()) + ", " + backend.describeParameters()
          + "); use the keys the file was made with");
    }
    if (!header.keyFingerprint().equals(backend.keyFingerprint())) {
      throw new RecordFileException(file, "was encrypted for another key (key fingerprint "
          + abbreviate(header.keyFingerprint()) + ") than the keys in use ("
          + abbreviate(backend.keyFingerprint()) + "); use the matching key files");
    }
    if (header.layout().slots() != backend.slots()
        || header.payloadBytes() != backend.payloadBytes(header.degree(), header.level(),
            header.payloadEncoding())) {
      throw new RecordFileException(file, "declares ciphertexts of " + header.payloadBytes()
          + " bytes at level " + header.level() + ", degree " + header.degree()
          + ", which these parameters cannot hold");
    }
  }

  private static String abbreviate(String fingerprint) {
    return fingerprint.length() > 12 ? fingerprint.substring(0, 12) + "..." : fingerprint;
  }
}
