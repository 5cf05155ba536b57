package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.BitSet;
import org.hersj.fhe.io.AtomicFiles;

/**
 * Writes a record file crash-safely and resumably. Records go to {@code <file>.part} at their fixed
 * offsets (any order, from several threads); after the data is forced to disk their indices are
 * appended to {@code <file>.journal}. {@link #open} on an existing {@code .part} with the same header
 * resumes: records in the journal are kept and reported by {@link #isDone}. {@link #finish} forces the
 * data, checks every record is present and renames {@code .part} to the final name atomically, so a
 * file under the final name is always complete; a torn record is never in the journal and fails its
 * checksum anyway. {@link #openTransient} writes a file that is recomputed rather than resumed (a search's
 * scores) the same way without the journal and without forcing its data to disk (the rename itself is still
 * made durable by {@link AtomicFiles#publish}).
 */
public final class RecordFileWriter implements AutoCloseable {

  private final Path target;
  private final Path partFile;
  private final RecordFileHeader header;
  private final FileChannel channel;
  /** The journal of a durable write; null for a transient one ({@link #openTransient}). */
  private final EnrollmentJournal journal;
  private final BitSet done;
  private final int syncEvery;
  /** A transient write's {@code .part} as the file system identifies it (null if it cannot, or durable). */
  private final Object partIdentity;
  private boolean published;
  private long pendingSinceSync;
  private long[] pending = new long[64];
  private int pendingCount;

  private RecordFileWriter(Path target, RecordFileHeader header, FileChannel channel,
      EnrollmentJournal journal, BitSet done, int syncEvery, Object partIdentity) {
    this.target = target;
    this.partFile = partFileOf(target);
    this.header = header;
    this.channel = channel;
    this.journal = journal;
    this.done = done;
    this.syncEvery = syncEvery;
    this.partIdentity = partIdentity;
  }

  /**
   * Starts writing {@code target}, or resumes an interrupted write of it with the same header.
   *
   * @param syncEvery records written between forcing data and journaling them (at least 1)
   * @throws RecordFileException if {@code target} already exists, or a {@code .part} of another
   *     header (other parameters, layout or counts) is in the way
   */
  public static RecordFileWriter open(Path target, RecordFileHeader header, int syncEvery) throws IOException {
    return open(target, header, syncEvery, InputIdentity.NONE);
  }

  /**
   * As {@link #open(Path, RecordFileHeader, int)}, and records {@code inputIdentity} (what the records
   * are made from, see {@link InputIdentity}) in the journal: an interrupted write started from another
   * identity is not resumed.
   *
   * @throws RecordFileException also if the interrupted write was started from another input
   */
  public static RecordFileWriter open(Path target, RecordFileHeader header, int syncEvery, String inputIdentity)
      throws IOException {
    if (syncEvery < 1) {
      throw new IllegalArgumentException("syncEvery must be at least 1, got " + syncEvery);
    }
    if (Files.exists(target)) {
      throw new RecordFileException(target, "already exists and is complete; delete it to write it again");
    }
    Path part = partFileOf(target);
    Path journalFile = journalFileOf(target);
    byte[] region = header.encode();
    BitSet done = new BitSet();
    if (Files.exists(part)) {
      byte[] existing = readHeaderRegion(part);
      if (!java.util.Arrays.equals(existing, region)) {
        throw new RecordFileException(part, "an interrupted write with a different header "
            + "(parameters, layout or counts) is in the way; delete it or resume with the same inputs");
      }
    } else {
      Files.deleteIfExists(journalFile);
    }
    FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      writeFully(ch, ByteBuffer.wrap(region), 0);
      EnrollmentJournal journal = EnrollmentJournal.open(journalFile, header.recordCount(), done, inputIdentity);
      return new RecordFileWriter(target, header, ch, journal, done, syncEvery, null);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Starts writing {@code target} as a file that is recomputed rather than resumed (a search's scores):
   * records go to {@code <file>.part} and {@link #finish} renames it once every record is written, as for
   * {@link #open}, but nothing is journaled or forced to disk. While the machine runs, a file under the final
   * name is complete; after a power loss it may miss records that were still in the page cache, and a reader
   * refuses those by their marker and checksum. Forcing the 315 MB of degree-2 scores of a 10^7-item search
   * took 15 % of the search (bench/README.md). An old {@code .part} or journal of {@code target} is replaced; a
   * write whose {@code .part} another write of the same target replaced meanwhile refuses to publish it and leaves
   * it to that write. Closing an unfinished transient write (failed, interrupted) deletes its own {@code .part}.
   *
   * @throws RecordFileException if {@code target} already exists
   */
  public static RecordFileWriter openTransient(Path target, RecordFileHeader header) throws IOException {
    if (Files.exists(target)) {
      throw new RecordFileException(target, "already exists and is complete; delete it to write it again");
    }
    Path part = partFileOf(target);
    Files.deleteIfExists(part);
    Files.deleteIfExists(journalFileOf(target));
    FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      writeFully(ch, ByteBuffer.wrap(header.encode()), 0);
      return new RecordFileWriter(target, header, ch, null, new BitSet(), Integer.MAX_VALUE, identityOf(part));
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /**
   * Checks, without writing anything, that {@link #open(Path, RecordFileHeader, int, String)} of
   * {@code target} with {@code inputIdentity} would not be refused for the reasons a caller can find
   * out before any work: the file is complete, or an interrupted write of it was made from another input.
   *
   * @throws RecordFileException naming the file otherwise
   */
  public static void requireResumable(Path target, String inputIdentity) throws IOException {
    if (Files.exists(target)) {
      throw new RecordFileException(target, "already exists and is complete; delete it to write it again");
    }
    if (Files.exists(partFileOf(target))) {
      EnrollmentJournal.requireIdentity(journalFileOf(target), inputIdentity);
    }
  }

  /** The header being written. */
  public RecordFileHeader header() {
    return header;
  }

  /** Whether record {@code index} was already written and journaled (by this or an earlier run). */
  public synchronized boolean isDone(long index) {
    return done.get(Math.toIntExact(index));
  }

  /** Number of records written and journaled so far. */
  public synchronized long doneCount() {
    return done.cardinality();
  }

  /**
   * Frames and writes record {@code index} whose payload the caller has put into {@code record}.
   * Thread-safe; the record becomes durable at the next sync.
   */
  public void write(long index, int items, RecordBuffer record) throws IOException {
    if (index < 0 || index >= header.recordCount()) {
      throw new IndexOutOfBoundsException("record " + index + " outside 0.." + (header.recordCount() - 1));
    }
    writeFully(channel, record.seal(index, items), header.recordOffset(index));
    synchronized (this) {
      if (pendingCount == pending.length) {
        pending = java.util.Arrays.copyOf(pending, pending.length * 2);
      }
      pending[pendingCount++] = index;
      if (++pendingSinceSync >= syncEvery) {
        sync();
      }
    }
  }

  /**
   * Forces written data to disk, then journals the records written since the last sync; a transient write
   * ({@link #openTransient}) only counts them as written.
   */
  public synchronized void sync() throws IOException {
    if (pendingCount == 0) {
      return;
    }
    if (journal != null) {
      channel.force(false);
      journal.append(pending, pendingCount);
    }
    for (int i = 0; i < pendingCount; i++) {
      done.set(Math.toIntExact(pending[i]));
    }
    pendingCount = 0;
    pendingSinceSync = 0;
  }

  /**
   * Syncs, checks every record was written, and atomically renames the file to its final name.
   *
   * @throws RecordFileException if records are missing (the {@code .part} of a durable write stays for a resume;
   *     a transient one's is deleted when the writer is closed)
   */
  public synchronized void finish() throws IOException {
    sync();
    long missing = header.recordCount() - done.cardinality();
    if (missing != 0) {
      throw new RecordFileException(partFile, missing + " of " + header.recordCount()
          + " records are not written yet; " + (journal != null ? "resume the write to complete it"
          : header.kind().remedy()));
    }
    if (journal != null) {
      channel.force(true);
    }
    channel.close();
    if (journal != null) {
      journal.close();
    } else if (!ownsPart()) {
      throw new RecordFileException(target, "another write of this file replaced its temporary file "
          + partFile.getFileName() + " while this one ran; write each output from one command at a time, then "
          + header.kind().remedy());
    }
    AtomicFiles.publish(partFile, target);
    published = true;
    Files.deleteIfExists(journalFileOf(target));
  }

  /**
   * Syncs what was written and releases the files; an unfinished durable write can be resumed later, an
   * unfinished transient one ({@link #openTransient}), which nothing resumes, is deleted.
   */
  @Override
  public synchronized void close() throws IOException {
    try {
      if (channel.isOpen()) {
        try {
          sync();
        } finally {
          channel.close();
          if (journal != null) {
            journal.close();
          }
        }
      }
    } finally {
      // also when a write was interrupted (which closes the channel) or the rename failed; never another
      // writer's file of the same name
      if (journal == null && !published && ownsPart()) {
        Files.deleteIfExists(partFile);
      }
    }
  }

  // Whether the .part on disk is still the one this transient write created.
  private boolean ownsPart() throws IOException {
    return partIdentity == null ? Files.exists(partFile) : partIdentity.equals(identityOf(partFile));
  }

  private static Object identityOf(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (java.nio.file.NoSuchFileException e) {
      return null;
    }
  }

  /** The temporary name a write of {@code target} uses. */
  public static Path partFileOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".part");
  }

  /** The journal name a write of {@code target} uses. */
  public static Path journalFileOf(Path target) {
    return target.resolveSibling(target.getFileName() + ".journal");
  }

  static byte[] readHeaderRegion(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() < RecordFileHeader.HEADER_BYTES) {
        throw new RecordFileException(file, "is " + ch.size() + " bytes, shorter than the "
            + RecordFileHeader.HEADER_BYTES + "-byte header: truncated");
      }
      ByteBuffer buf = ByteBuffer.allocate(RecordFileHeader.HEADER_BYTES);
      while (buf.hasRemaining()) {
        if (ch.read(buf, buf.position()) < 0) {
          break;
        }
      }
      return buf.array();
    }
  }

  static void writeFully(FileChannel ch, ByteBuffer buf, long offset) throws IOException {
    long at = offset;
    while (buf.hasRemaining()) {
      at += ch.write(buf, at);
    }
  }
}
