package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.fhe.io.Sha256;

/** Whole-file checks of shard files: SHA-256, and a full verification of a finished shard. */
public final class ShardFiles {

  private ShardFiles() {
  }

  /** The hex SHA-256 of {@code file}, streamed. */
  public static String sha256(Path file) throws IOException {
    return Sha256.hexOfFile(file);
  }

  /**
   * Checks that {@code file} is a complete shard with header {@code expected} whose every record is intact
   * (framing and CRC32C), and returns its finished-shard entry.
   *
   * @throws RecordFileException naming the shard file if it is not
   */
  public static ShardManifest.Shard verify(Path file, RecordFileHeader expected, ShardPlan.Range range)
      throws IOException {
    try (RecordFileReader reader = RecordFileReader.open(file, expected.kind())) {
      verifyRecords(reader, expected);
    }
    return new ShardManifest.Shard(range, Files.size(file), sha256(file));
  }

  /**
   * Checks that the open shard {@code reader} has header {@code expected} and that its every record is intact
   * (framing and CRC32C).
   *
   * @throws RecordFileException naming the shard file if it is not
   */
  public static void verifyRecords(RecordFileReader reader, RecordFileHeader expected) throws IOException {
    if (!reader.header().equals(expected)) {
      throw new RecordFileException(reader.file(), "shard header differs from the one this gallery needs (other"
          + " keys, parameters, layout or item range): delete the shard or the whole directory and enroll again");
    }
    RecordBuffer record = new RecordBuffer(expected);
    for (long r = 0; r < expected.recordCount(); r++) {
      reader.read(r, record);
    }
  }
}
