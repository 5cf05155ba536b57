package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.fhe.search.backend.SearchBackend;

/**
 * An encrypted gallery store: a directory holding {@value #RECORDS_FILE} (complete) or, while an
 * enrollment is running or was interrupted, {@value #RECORDS_FILE}.part and .journal; or, enrolled with
 * shards, shard record files plus {@value ShardManifest#FILE} (see {@link ShardManifest}).
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
    return Files.isRegularFile(recordsFile(directory)) || ShardManifest.isSharded(directory);
  }

  /**
   * Opens the complete gallery in {@code directory} and checks it was made under {@code backend}'s
   * parameters.
   */
  public static RecordFileReader open(Path directory, SearchBackend backend) throws IOException {
    return open(directory, backend, ReadMode.CACHED);
  }

  /** As {@link #open(Path, SearchBackend)}, the records read in {@code mode}. */
  public static RecordFileReader open(Path directory, SearchBackend backend, ReadMode mode) throws IOException {
    if (ShardManifest.isSharded(directory) && !Files.exists(recordsFile(directory))) {
      throw new RecordFileException(directory, "is a sharded gallery (" + ShardManifest.FILE + "); only the HERS"
          + " search (hers search with an encrypted HERS probe) reads sharded galleries");
    }
    RecordFileReader reader = RecordFileReader.open(recordsFile(directory), FileKind.GALLERY, mode);
    return checked(reader, backend);
  }

  /**
   * Opens the complete gallery in {@code directory}, one record file or shards with a manifest (written
   * by a sharded enrollment), and checks it was made under {@code backend}'s parameters.
   */
  public static RecordSet openRecords(Path directory, SearchBackend backend) throws IOException {
    return openRecords(directory, backend, ReadMode.CACHED);
  }

  /** As {@link #openRecords(Path, SearchBackend)}, the records read in {@code mode}. */
  public static RecordSet openRecords(Path directory, SearchBackend backend, ReadMode mode) throws IOException {
    if (ShardManifest.isSharded(directory)) {
      return checked(ShardedRecordSet.open(directory, FileKind.GALLERY, false, mode), backend);
    }
    return open(directory, backend, mode);
  }

  /**
   * Checks that a gallery with {@code header} (of {@code file}) was made under {@code backend}'s parameters
   * and holds fresh degree-1 ciphertexts.
   */
  public static void requireGallery(RecordFileHeader header, SearchBackend backend, Path file)
      throws RecordFileException {
    ParameterCheck.requireSameParameters(header, backend, file);
    if (header.level() != backend.freshLevel() || header.degree() != 1) {
      throw new RecordFileException(file, "holds ciphertexts of degree " + header.degree() + " at level "
          + header.level() + "; a gallery needs fresh degree-1 ciphertexts at level " + backend.freshLevel());
    }
  }

  private static <R extends RecordSet> R checked(R reader, SearchBackend backend) throws IOException {
    try {
      requireGallery(reader.header(), backend, reader.file());
      return reader;
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }
}
