package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.fhe.search.backend.SearchBackend;

/**
 * An encrypted gallery store: a directory holding {@value #RECORDS_FILE} (complete) or, while an
 * enrollment is running or was interrupted, {@value #RECORDS_FILE}.part and .journal.
 */
public final class GalleryStore {

  /** Name of the gallery record file inside the store directory. */
  public static final String RECORDS_FILE = "gallery.hrec";

  private GalleryStore() {
  }

  /** The record file of the store in {@code directory}. */
  public static Path recordsFile(Path directory) {
    return directory.resolve(RECORDS_FILE);
  }

  /** Whether {@code directory} holds a complete gallery. */
  public static boolean isComplete(Path directory) {
    return Files.isRegularFile(recordsFile(directory));
  }

  /**
   * Opens the complete gallery in {@code directory} and checks it was made under {@code backend}'s
   * parameters.
   */
  public static RecordFileReader open(Path directory, SearchBackend backend) throws IOException {
    RecordFileReader reader = RecordFileReader.open(recordsFile(directory), FileKind.GALLERY);
    try {
      ParameterCheck.requireSameParameters(reader.header(), backend, reader.file());
      if (reader.header().level() != backend.freshLevel() || reader.header().degree() != 1) {
        throw new RecordFileException(reader.file(), "holds ciphertexts of degree "
            + reader.header().degree() + " at level " + reader.header().level()
            + "; a gallery needs fresh degree-1 ciphertexts at level " + backend.freshLevel());
      }
      return reader;
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }
}
