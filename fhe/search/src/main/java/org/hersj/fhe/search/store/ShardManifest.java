package org.hersj.fhe.search.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.io.Envelope;
import org.hersj.fhe.io.Sha256;

/**
 * The manifest of a sharded gallery or scores directory, {@value #FILE}: the header of the whole set
 * (kind, engine, parameter and key fingerprints, layout, counts) and per shard its file, record and
 * item range, size and SHA-256. It is written last and atomically, so a directory with a manifest is
 * complete; its {@link Envelope} (SHA-256 of header and body) catches edits.
 *
 * @param whole the header the shards have together (their counts summed)
 * @param shards every shard, in item order
 */
public record ShardManifest(RecordFileHeader whole, List<Shard> shards) {

  /** File name of the manifest in a sharded directory. */
  public static final String FILE = "manifest.shards";
  /** First line of the text manifests of release 0.1.0 (format 1), still read. */
  static final String FORMAT_1_LINE = "hers-j shard manifest, format 1";
  /** The envelope of manifests: the body is the {@code key=value} and {@code shard=} lines. */
  public static final Envelope.Format FORMAT = new Envelope.Format("HERS-J shard manifest", "HJSHARDS", 2, 0,
      Envelope.BodyCheck.SHA256);
  /**
   * The digest of a shard whose SHA-256 was not recorded (score shards of a distributed search: hashing them
   * cost more than the rest of the task's overhead; their blocks are still CRC32C-checked when read).
   */
  public static final String NO_DIGEST = "unrecorded";

  /**
   * One finished shard.
   *
   * @param range its place in the whole set
   * @param bytes size of its file
   * @param sha256 hex SHA-256 of its file, or {@link #NO_DIGEST}
   */
  public record Shard(ShardPlan.Range range, long bytes, String sha256) {
  }

  /** Checks the shards follow each other and add up to the whole. */
  public ShardManifest {
    shards = List.copyOf(shards);
    new ShardPlan(whole.layout(), shards.stream().map(Shard::range).toList());
  }

  /** Whether {@code dir} holds a complete sharded set (a manifest). */
  public static boolean isSharded(Path dir) {
    return Files.isRegularFile(dir.resolve(FILE));
  }

  /** The file of {@code shard} inside {@code dir}. */
  public Path fileOf(Path dir, Shard shard) {
    return dir.resolve(shard.range().fileName(whole.kind()));
  }

  /** The header shard {@code range} of a set with header {@code whole} carries. */
  public static RecordFileHeader shardHeader(RecordFileHeader whole, ShardPlan.Range range) {
    return whole.withCounts(range.items(), range.records());
  }

  /** Writes the manifest into {@code dir} atomically (temporary name, then rename). */
  public void write(Path dir) {
    AtomicFiles.write(dir.resolve(FILE), encode(), false);
  }

  /** The manifest file's contents, an envelope of {@link #FORMAT}, as {@link #write} stores them. */
  public byte[] encode() {
    StringBuilder text = new StringBuilder(whole.fieldLines());
    text.append("shards=").append(shards.size()).append('\n');
    for (Shard s : shards) {
      ShardPlan.Range r = s.range();
      text.append(String.format(Locale.ROOT, "shard=%d %s %d %d %d %d %d %s%n", r.index(), r.fileName(whole.kind()),
          r.firstRecord(), r.records(), r.firstItem(), r.items(), s.bytes(), s.sha256()));
    }
    byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
    return Envelope.wrap(FORMAT, new byte[0], body);
  }

  /**
   * Reads and checks the manifest in {@code dir}: an envelope of {@link #FORMAT}, or the text manifest of
   * release 0.1.0 (format 1, with its own SHA-256 line).
   *
   * @throws RecordFileException naming the manifest if it is missing, altered or inconsistent
   */
  public static ShardManifest read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new RecordFileException(file, "no shard manifest: the sharded enrollment or search did not finish;"
          + " rerun it (finished shards are kept)");
    }
    return parse(Files.readAllBytes(file), file);
  }

  /**
   * Parses and checks manifest contents {@code bytes} (as {@link #encode} makes them, or a 0.1.0 text
   * manifest) read from {@code file}.
   *
   * @throws RecordFileException naming {@code file} if the manifest is altered or inconsistent
   */
  public static ShardManifest parse(byte[] bytes, Path file) throws RecordFileException {
    String lines;
    if (new String(bytes, 0, Math.min(bytes.length, FORMAT_1_LINE.length()), StandardCharsets.UTF_8)
        .equals(FORMAT_1_LINE)) {
      lines = formatOneLines(new String(bytes, StandardCharsets.UTF_8), file);
    } else {
      Envelope e = Envelope.read(bytes, FORMAT, FILE, m -> new RecordFileException(file, m));
      if (e.major() != FORMAT.major()) {
        throw new RecordFileException(file, e.unsupportedMajor(FILE));
      }
      byte[] body = new byte[e.body().remaining()];
      e.body().get(body);
      lines = new String(body, StandardCharsets.UTF_8);
    }
    return parseLines(lines, file);
  }

  // The lines of a format-1 manifest after its format line, once its SHA-256 line is checked.
  private static String formatOneLines(String all, Path file) throws RecordFileException {
    int shaAt = all.lastIndexOf("manifest-sha256=");
    if (!all.startsWith(FORMAT_1_LINE + "\n") || shaAt < 0 || !all.endsWith("\n")) {
      throw new RecordFileException(file, "is not a HERS-J shard manifest of a supported format (expected first line '"
          + FORMAT_1_LINE + "' and a checksum line)");
    }
    String body = all.substring(0, shaAt);
    if (!all.substring(shaAt + "manifest-sha256=".length(), all.length() - 1)
        .equals(Sha256.hex(body.getBytes(StandardCharsets.UTF_8)))) {
      throw new RecordFileException(file, "checksum does not match: the manifest was altered or damaged");
    }
    return body.substring(FORMAT_1_LINE.length() + 1);
  }

  private static ShardManifest parseLines(String lines, Path file) throws RecordFileException {
    Map<String, String> fields = new LinkedHashMap<>();
    List<Shard> shards = new ArrayList<>();
    try {
      for (String line : lines.split("\n")) {
        if (line.startsWith("shard=")) {
          String[] f = line.substring("shard=".length()).split(" ");
          ShardPlan.Range r = new ShardPlan.Range(Integer.parseInt(f[0]), Long.parseLong(f[2]), Long.parseLong(f[3]),
              Long.parseLong(f[4]), Long.parseLong(f[5]));
          shards.add(new Shard(r, Long.parseLong(f[6]), f[7]));
        } else if (line.indexOf('=') > 0) {
          fields.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
        }
      }
      RecordFileHeader whole = RecordFileHeader.fromFields(fields, file, fields.containsKey("payload-encoding"));
      if (shards.size() != Integer.parseInt(fields.getOrDefault("shards", "-1"))) {
        throw new RecordFileException(file, "lists " + shards.size() + " shards but says shards="
            + fields.get("shards"));
      }
      return new ShardManifest(whole, shards);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new RecordFileException(file, "invalid shard line or field: " + e.getMessage());
    }
  }
}
