package org.hersj.fhe.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.RecordFileException;
import org.hersj.fhe.search.store.RecordFileReader;

/**
 * A directory of shard files (a sharded gallery or scores set) on any Hadoop {@link FileSystem}: {@code file:},
 * {@code hdfs:}, {@code s3a:} and whatever else the cluster's Hadoop configuration knows; a plain path is a local
 * directory. Shards are read with positional reads ({@link HadoopInput}), every record CRC32C-checked as on one
 * machine. A file is published atomically: written complete under a per-attempt name, then renamed into place (a
 * failed task leaves at most its attempt directory, which the driver removes). The local file system is used raw
 * (no {@code .crc} side files: the record format carries its own checksums) and, unless the Hadoop setting
 * {@value #DIRECT_LOCAL} is false, read and written with {@code java.nio} directly, as on one machine.
 */
final class ShardDirectory {

  /** Hadoop setting: read and write {@code file:} directories with java.nio directly (default true). */
  static final String DIRECT_LOCAL = "hers.fs.direct-local";
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final Path dir;
  private final FileSystem fs;
  private final java.nio.file.Path local;

  private ShardDirectory(Path dir, FileSystem fs, java.nio.file.Path local) {
    this.dir = dir;
    this.fs = fs;
    this.local = local;
  }

  /** {@code location} as a URI: a URI as given, a plain path as the absolute {@code file:} URI of it. */
  static URI uriOf(String location) {
    String s = location.trim();
    if (!SCHEME.matcher(s).matches() || s.matches("^[A-Za-z]:[\\\\/].*")) { // a plain path (or a Windows drive)
      return java.nio.file.Path.of(s).toAbsolutePath().normalize().toUri();
    }
    try {
      return new URI(s).normalize();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("'" + location + "' is not a valid directory URI (" + e.getReason()
          + "); escape spaces and other special characters (%20), or give a local path");
    }
  }

  /** The directory at {@code location} (a URI or a local path) on its file system under {@code conf}. */
  static ShardDirectory open(String location, Configuration conf) throws IOException {
    Path dir = new Path(uriOf(location));
    FileSystem fs = dir.getFileSystem(conf);
    if (fs instanceof LocalFileSystem checksummed) {
      fs = checksummed.getRaw();
    }
    java.nio.file.Path local = fs instanceof RawLocalFileSystem raw && conf.getBoolean(DIRECT_LOCAL, true)
        ? raw.pathToFile(dir).toPath() : null;
    return new ShardDirectory(fs.makeQualified(dir), fs, local);
  }

  /** The URI of this directory. */
  String uri() {
    return dir.toUri().toString();
  }

  /** The file {@code name} of this directory as messages name it (a local path, or the URI). */
  java.nio.file.Path nameOf(String name) {
    return local != null ? local.resolve(name) : java.nio.file.Path.of(new Path(dir, name).toUri().toString());
  }

  /** This directory as messages name it (a local path, or the URI). */
  java.nio.file.Path name() {
    return local != null ? local : java.nio.file.Path.of(uri());
  }

  /** Whether files are read and written with java.nio directly (a local directory). */
  boolean isDirectLocal() {
    return local != null;
  }

  /** Creates the directory (and its parents) if missing. */
  void create() throws IOException {
    if (local != null) {
      Files.createDirectories(local);
    } else if (!fs.mkdirs(dir)) {
      throw new IOException("cannot create directory " + uri());
    }
  }

  /** Whether the file {@code name} exists. */
  boolean exists(String name) throws IOException {
    return local != null ? Files.isRegularFile(local.resolve(name)) : fs.isFile(new Path(dir, name));
  }

  /** Size in bytes of the file {@code name}. */
  long size(String name) throws IOException {
    return local != null ? Files.size(local.resolve(name)) : fs.getFileStatus(new Path(dir, name)).getLen();
  }

  /** The whole file {@code name} (a manifest). */
  byte[] read(String name) throws IOException {
    if (local != null) {
      return Files.readAllBytes(local.resolve(name));
    }
    try (InputStream in = fs.open(new Path(dir, name))) {
      return in.readAllBytes();
    }
  }

  /** Writes the file {@code name} atomically (a temporary name in this directory, then a rename). */
  void write(String name, byte[] bytes) throws IOException {
    if (local != null) {
      AtomicFiles.write(local.resolve(name), bytes, false);
      return;
    }
    Path tmp = new Path(dir, "." + name + ".tmp-" + UUID.randomUUID());
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(bytes);
    }
    fs.delete(new Path(dir, name), false);
    if (!fs.rename(tmp, new Path(dir, name))) {
      fs.delete(tmp, false);
      throw new IOException("cannot rename " + tmp + " to " + name + " in " + uri());
    }
  }

  /** Deletes the file {@code name} if it exists. */
  void delete(String name) throws IOException {
    if (local != null) {
      Files.deleteIfExists(local.resolve(name));
    } else {
      fs.delete(new Path(dir, name), false);
    }
  }

  /** Names of the files and directories in this directory. */
  List<String> list() throws IOException {
    List<String> names = new ArrayList<>();
    try {
      for (FileStatus status : fs.listStatus(dir)) {
        names.add(status.getPath().getName());
      }
    } catch (FileNotFoundException e) {
      return names;
    }
    return names;
  }

  /**
   * Opens the record file {@code name}, checking it holds {@code kind} and is as long as its header says.
   *
   * @throws RecordFileException naming the file if it is missing, unfinished or damaged
   */
  RecordFileReader open(String name, FileKind kind) throws IOException {
    if (local != null) {
      return RecordFileReader.open(local.resolve(name), kind);
    }
    Path file = new Path(dir, name);
    FSDataInputStream in;
    long size;
    try {
      size = fs.getFileStatus(file).getLen();
      in = fs.open(file);
    } catch (FileNotFoundException e) {
      throw new RecordFileException(nameOf(name), "no such " + kind.name().toLowerCase() + " file; check the path");
    }
    return RecordFileReader.open(nameOf(name), new HadoopInput(in, size), kind);
  }

  /** The hex SHA-256 of the file {@code name}, streamed. */
  String sha256(String name) throws IOException {
    if (local != null) {
      return Sha256.hexOfFile(local.resolve(name));
    }
    try (InputStream in = fs.open(new Path(dir, name))) {
      return Sha256.hexOf(in);
    }
  }

  /**
   * A local directory where task attempt {@code attempt} writes a file before {@link #publish}: inside this
   * directory for a direct local one (the rename stays on one file system), else a fresh temporary directory on
   * this machine, which {@link #publish} empties and {@link #release} deletes.
   */
  java.nio.file.Path workDir(String attempt) throws IOException {
    if (local != null) {
      return Files.createDirectories(local.resolve(SparkEnrollment.ATTEMPT_PREFIX + attempt));
    }
    return Files.createTempDirectory("hers-" + attempt + "-");
  }

  /** Deletes a work directory {@link #workDir} made outside this directory (the driver removes the others). */
  void release(java.nio.file.Path work) throws IOException {
    if (local == null) {
      deleteTree(work);
    }
  }

  /**
   * Moves the finished local file {@code written} (in a {@link #workDir} of {@code attempt}) to {@code name} in this
   * directory: copied complete under the attempt's directory here, then renamed. With {@code replace} an existing
   * file is replaced; without, an existing file is kept and {@code false} returned (another attempt finished first).
   */
  boolean publish(java.nio.file.Path written, String attempt, String name, boolean replace) throws IOException {
    if (local != null) {
      java.nio.file.Path target = local.resolve(name);
      if (!replace && Files.exists(target)) {
        Files.deleteIfExists(written);
        return false;
      }
      Files.move(written, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return true;
    }
    Path staged = new Path(new Path(dir, SparkEnrollment.ATTEMPT_PREFIX + attempt), name);
    fs.copyFromLocalFile(true, true, new Path(written.toUri()), staged);
    Path target = new Path(dir, name);
    if (fs.exists(target)) {
      if (!replace) {
        fs.delete(staged, false);
        return false;
      }
      fs.delete(target, false);
    }
    if (!fs.rename(staged, target)) {
      throw new IOException("cannot rename " + staged + " to " + target);
    }
    return true;
  }

  /** Deletes the per-attempt directories of tasks (all tasks have finished). */
  void removeAttempts() throws IOException {
    for (String name : list()) {
      if (name.startsWith(SparkEnrollment.ATTEMPT_PREFIX)) {
        if (local != null) {
          deleteTree(local.resolve(name));
        } else {
          fs.delete(new Path(dir, name), true);
        }
      }
    }
  }

  /** Deletes the local directory tree {@code root} (if present). */
  static void deleteTree(java.nio.file.Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<java.nio.file.Path> inside = Files.walk(root)) {
      for (java.nio.file.Path f : inside.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(f);
      }
    }
  }
}
