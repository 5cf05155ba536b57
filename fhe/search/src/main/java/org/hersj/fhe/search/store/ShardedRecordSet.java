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
 * compared with the manifest too, where it was recorded (one extra read of every shard). A run of
 * consecutive shards ({@link #openRun}) is read the same way as a set of its own.
 */
public final class ShardedRecordSet implements RecordSet {

  private final Path dir;
  private final ShardManifest manifest;
  private final RecordFileHeader header;
  private final List<RecordFileReader> readers;
  private final long[] firstRecords;

  private ShardedRecordSet(Path dir, ShardManifest manifest, ShardPlan.Range run, List<RecordFileReader> readers) {
    this.dir = dir;
    this.manifest = manifest;
    this.header = ShardManifest.shardHeader(manifest.whole(), run);
    this.readers = readers;
    this.firstRecords = members(manifest, run).stream().mapToLong(s -> s.range().firstRecord() - run.firstRecord())
        .toArray();
  }

  /** Opens one shard file of a sharded set (on this machine, or through another storage system). */
  public interface ShardOpener {
    /** Opens the file of {@code shard}. */
    RecordFileReader open(ShardManifest.Shard shard) throws IOException;
  }

  /**
   * Opens the sharded set in {@code dir}, which must hold {@code kind}.
   *
   * @throws RecordFileException naming the manifest or the shard file that is wrong
   */
  public static ShardedRecordSet open(Path dir, FileKind kind, boolean verifyDigests) throws IOException {
    return open(dir, kind, verifyDigests, ReadMode.CACHED);
  }

  /** As {@link #open(Path, FileKind, boolean)}, every shard read in {@code mode}. */
  public static ShardedRecordSet open(Path dir, FileKind kind, boolean verifyDigests, ReadMode mode)
      throws IOException {
    ShardManifest manifest = ShardManifest.read(dir);
    if (manifest.whole().kind() != kind) {
      throw new RecordFileException(dir.resolve(ShardManifest.FILE), "lists shards of " + manifest.whole().kind()
          + ", expected " + kind);
    }
    ShardPlan.Range all = new ShardPlan.Range(0, 0, manifest.whole().recordCount(), 0, manifest.whole().layout().itemCount());
    ShardedRecordSet set = openRun(dir, manifest, all, shard -> RecordFileReader.open(manifest.fileOf(dir, shard), kind, mode));
    try {
      for (ShardManifest.Shard shard : manifest.shards()) {
        Path file = manifest.fileOf(dir, shard);
        if (Files.size(file) != shard.bytes()
            || (verifyDigests && !shard.sha256().equals(ShardManifest.NO_DIGEST)
                && !ShardFiles.sha256(file).equals(shard.sha256()))) {
          throw new RecordFileException(file, "shard does not match the SHA-256 in " + ShardManifest.FILE
              + ": it was altered or damaged; restore it or enroll again");
        }
      }
      return set;
    } catch (IOException | RuntimeException e) {
      set.close();
      throw e;
    }
  }

  /**
   * Opens the consecutive whole shards of {@code manifest} that make up records {@code run} (all of them, or a
   * run one distributed task scores) with {@code opener}, as one set whose header is the run's
   * ({@link ShardManifest#shardHeader}); every shard's header is checked against the manifest.
   *
   * @throws RecordFileException naming the shard file that is missing, damaged or of another set
   */
  public static ShardedRecordSet openRun(Path dir, ShardManifest manifest, ShardPlan.Range run, ShardOpener opener)
      throws IOException {
    List<RecordFileReader> readers = new ArrayList<>();
    try {
      for (ShardManifest.Shard shard : members(manifest, run)) {
        RecordFileReader reader = opener.open(shard);
        readers.add(reader);
        if (!reader.header().equals(ShardManifest.shardHeader(manifest.whole(), shard.range()))) {
          throw new RecordFileException(reader.file(), "shard header does not match the manifest (other keys,"
              + " parameters, layout or item range): the shard was replaced; restore it or enroll again");
        }
      }
      return new ShardedRecordSet(dir, manifest, run, readers);
    } catch (IOException | RuntimeException e) {
      for (RecordFileReader r : readers) {
        r.close();
      }
      throw e;
    }
  }

  /** The shards of {@code manifest} that start inside records {@code run}. */
  public static List<ShardManifest.Shard> members(ShardManifest manifest, ShardPlan.Range run) {
    long end = run.firstRecord() + run.records();
    return manifest.shards().stream()
        .filter(s -> s.range().firstRecord() >= run.firstRecord() && s.range().firstRecord() < end).toList();
  }

  /** The manifest. */
  public ShardManifest manifest() {
    return manifest;
  }

  @Override
  public RecordFileHeader header() {
    return header;
  }

  @Override
  public Path file() {
    return dir;
  }

  @Override
  public void read(long index, RecordBuffer record) throws IOException {
    if (index < 0 || index >= header.recordCount()) {
      throw new IndexOutOfBoundsException("record " + index + " outside 0.." + (header.recordCount() - 1));
    }
    int at = java.util.Arrays.binarySearch(firstRecords, index);
    int shard = at >= 0 ? at : -at - 2;
    readers.get(shard).read(index - firstRecords[shard], record);
  }

  /** {@link ReadMode#DIRECT} when every shard is read around the page cache. */
  @Override
  public ReadMode readMode() {
    return !readers.isEmpty() && readers.stream().allMatch(r -> r.readMode() == ReadMode.DIRECT) ? ReadMode.DIRECT
        : ReadMode.CACHED;
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
