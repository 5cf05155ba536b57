package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shards of a sharded gallery or scores directory read as one record file: record {@code i} of the
 * whole set is read from the shard holding it. On open, the manifest and every shard's header and size
 * are checked (a shard of other keys, parameters or counts, or a missing one, is refused naming it);
 * every record's CRC32C is checked as it is read; with {@code verifyDigests} each shard's SHA-256 is
 * compared with the manifest too, where it was recorded (one extra read of every shard).
 */
public final class ShardedRecordSet implements RecordSet {

  private final Path dir;
  private final ShardManifest manifest;
  private final List<RecordFileReader> readers;
  private final long[] firstRecords;

  private ShardedRecordSet(Path dir, ShardManifest manifest, List<RecordFileReader> readers) {
    this.dir = dir;
    this.manifest = manifest;
    this.readers = readers;
    this.firstRecords = manifest.shards().stream().mapToLong(s -> s.range().firstRecord()).toArray();
  }

  /**
   * Opens the sharded set in {@code dir}, which must hold {@code kind}.
   *
   * @throws RecordFileException naming the manifest or the shard file that is wrong
   */
  public static ShardedRecordSet open(Path dir, FileKind kind, boolean verifyDigests) throws IOException {
    ShardManifest manifest = ShardManifest.read(dir);
    if (manifest.whole().kind() != kind) {
      throw new RecordFileException(dir.resolve(ShardManifest.FILE), "lists shards of " + manifest.whole().kind()
          + ", expected " + kind);
    }
    List<RecordFileReader> readers = new ArrayList<>();
    try {
      for (ShardManifest.Shard shard : manifest.shards()) {
        Path file = manifest.fileOf(dir, shard);
        RecordFileReader reader = RecordFileReader.open(file, kind);
        readers.add(reader);
        if (!reader.header().equals(ShardManifest.shardHeader(manifest.whole(), shard.range()))) {
          throw new RecordFileException(file, "shard header does not match the manifest (other keys, parameters,"
              + " layout or item range): the shard was replaced; restore it or enroll again");
        }
        if (Files.size(file) != shard.bytes()
            || (verifyDigests && !shard.sha256().equals(ShardManifest.NO_DIGEST)
                && !ShardFiles.sha256(file).equals(shard.sha256()))) {
          throw new RecordFileException(file, "shard does not match the SHA-256 in " + ShardManifest.FILE
              + ": it was altered or damaged; restore it or enroll again");
        }
      }
      return new ShardedRecordSet(dir, manifest, readers);
    } catch (IOException | RuntimeException e) {
      for (RecordFileReader r : readers) {
        r.close();
      }
      throw e;
    }
  }

  /** The manifest. */
  public ShardManifest manifest() {
    return manifest;
  }

  @Override
  public RecordFileHeader header() {
    return manifest.whole();
  }

  @Override
  public Path file() {
    return dir;
  }

  @Override
  public void read(long index, RecordBuffer record) throws IOException {
    if (index < 0 || index >= manifest.whole().recordCount()) {
      throw new IndexOutOfBoundsException("record " + index + " outside 0.." + (manifest.whole().recordCount() - 1));
    }
    int at = java.util.Arrays.binarySearch(firstRecords, index);
    int shard = at >= 0 ? at : -at - 2;
    readers.get(shard).read(index - firstRecords[shard], record);
  }

  @Override
  public void close() throws IOException {
    for (RecordFileReader r : readers) {
      r.close();
    }
  }

  /**
   * Opens {@code path} as records of {@code kind}: a sharded directory (with a manifest) or a single record file.
   */
  public static RecordSet openEither(Path path, FileKind kind) throws IOException {
    return Files.isDirectory(path) && ShardManifest.isSharded(path)
        ? open(path, kind, kind == FileKind.SCORES) : RecordFileReader.open(path, kind);
  }
}
