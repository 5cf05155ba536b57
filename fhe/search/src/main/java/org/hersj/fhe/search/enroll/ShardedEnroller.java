package org.hersj.fhe.search.enroll;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.search.ProgressListener;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileHeader;
import org.hersj.fhe.search.store.ShardFiles;
import org.hersj.fhe.search.store.ShardManifest;
import org.hersj.fhe.search.store.ShardPlan;

/**
 * Enrolls a gallery as shards: whole blocks per shard, each shard a complete gallery record file
 * written under a temporary name and renamed, then a manifest written last ({@link ShardManifest}).
 * A shard already present is verified (header, every record's CRC32C, SHA-256) and kept, so re-running an
 * interrupted enrollment only encrypts the missing shards. {@link #enrollShard} is the unit a distributed
 * enrollment runs as one task.
 */
public final class ShardedEnroller {

  private final EncryptionBackend backend;
  private final int threads;

  /** Enrolls with {@code backend} on {@code threads} threads per shard. */
  public ShardedEnroller(EncryptionBackend backend, int threads) {
    this.backend = backend;
    this.threads = threads;
  }

  /** The plan for {@code shards} shards of {@code rows} in the {@code kind} layout. */
  public ShardPlan plan(RowRanges rows, LayoutKind kind, int shards) {
    return ShardPlan.of(new GalleryLayout(kind, rows.rowCount(), rows.dimension(), backend.slots()), shards);
  }

  /** The header of the whole sharded gallery of {@code plan}. */
  public RecordFileHeader wholeHeader(ShardPlan plan) {
    return GalleryEnroller.galleryHeader(plan.layout(), backend);
  }

  /** What a distributed or local run of all shards produced. */
  public record Result(ShardManifest manifest, int resumedShards) {
  }

  /**
   * Enrolls every shard of {@code plan} one after the other into {@code dir} and writes the manifest.
   *
   * @throws RecordFileException if {@code dir} already holds a complete gallery
   */
  public Result enroll(RowRanges rows, ShardPlan plan, Path dir, ProgressListener progress) throws IOException {
    requireNotComplete(dir);
    Files.createDirectories(dir);
    List<ShardManifest.Shard> done = new ArrayList<>();
    int resumed = 0;
    for (ShardPlan.Range range : plan.shards()) {
      ShardOutcome outcome = enrollShard(rows, plan, range, dir, dir, progress);
      done.add(outcome.shard());
      resumed += outcome.resumed() ? 1 : 0;
    }
    ShardManifest manifest = new ShardManifest(wholeHeader(plan), done);
    manifest.write(dir);
    return new Result(manifest, resumed);
  }

  /** Refuses to enroll into a directory holding a finished gallery. */
  public static void requireNotComplete(Path dir) throws RecordFileException {
    if (ShardManifest.isSharded(dir) || Files.exists(dir.resolve(org.hersj.fhe.search.store.GalleryStore.RECORDS_FILE))) {
      throw new RecordFileException(dir, "already holds a complete gallery; delete the directory to enroll again");
    }
  }

  /**
   * One shard's outcome.
   *
   * @param shard the finished shard (size and SHA-256)
   * @param resumed whether it was already there (verified, not re-encrypted)
   * @param seconds wall time of this call
   */
  public record ShardOutcome(ShardManifest.Shard shard, boolean resumed, double seconds) {
  }

  /**
   * Enrolls shard {@code range} of {@code plan} into {@code dir}: if its file is there it is verified and kept;
   * otherwise it is encrypted into {@code workDir} (where an interrupted write of it resumes; a fresh
   * directory per attempt keeps concurrent attempts apart) and renamed into {@code dir} atomically.
   *
   * @throws RecordFileException naming the shard if an existing shard file is damaged or of another gallery
   */
  public ShardOutcome enrollShard(RowRanges rows, ShardPlan plan, ShardPlan.Range range, Path dir, Path workDir,
      ProgressListener progress) throws IOException {
    long start = System.nanoTime();
    String name = range.fileName(FileKind.GALLERY);
    Path target = dir.resolve(name);
    RecordFileHeader header = ShardManifest.shardHeader(wholeHeader(plan), range);
    if (Files.exists(target)) {
      return new ShardOutcome(ShardFiles.verify(target, header, range), true, (System.nanoTime() - start) / 1e9);
    }
    Files.createDirectories(workDir);
    Path written = workDir.resolve(name);
    try (RowSource source = rows.open(range.firstItem(), range.items())) {
      new GalleryEnroller(backend, threads, 16).enrollInto(source, plan.layout().kind(), written, progress);
    }
    if (!written.equals(target)) {
      try {
        AtomicFiles.publish(written, target);
      } catch (FileAlreadyExistsException e) {
        Files.deleteIfExists(written); // another attempt finished first; its file is checked below
        return new ShardOutcome(ShardFiles.verify(target, header, range), true, (System.nanoTime() - start) / 1e9);
      }
    }
    return new ShardOutcome(new ShardManifest.Shard(range, Files.size(target), ShardFiles.sha256(target)), false,
        (System.nanoTime() - start) / 1e9);
  }
}
