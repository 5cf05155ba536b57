package org.hersj.fhe.search.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.search.backend.PayloadEncoding;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * The versioned header of a record file, stored as UTF-8 {@code key=value} lines in the first
 * {@link #HEADER_BYTES} bytes, ending with the SHA-256 of the lines before it. Format 1 files hold
 * {@link PayloadEncoding#WORDS} payloads (and are still written for them, byte for byte as before);
 * format 2 adds the line {@code payload-encoding=...} for {@link PayloadEncoding#PACKED} payloads.
 * Readers accept both.
 *
 * @param kind what the file holds
 * @param engine engine name of the backend that wrote the ciphertexts
 * @param fingerprint parameter fingerprint of that backend
 * @param keyFingerprint fingerprint of the public key the ciphertexts belong to
 * @param parameters human-readable parameter description (informative only)
 * @param layout the gallery layout the records follow (items, dimension, slots, packing)
 * @param recordCount number of records
 * @param ciphertextsPerRecord ciphertexts in every record
 * @param degree degree of every ciphertext
 * @param level level of every ciphertext
 * @param payloadBytes bytes of one ciphertext payload
 * @param payloadEncoding how the payloads are encoded
 */
public record RecordFileHeader(FileKind kind, String engine, String fingerprint, String keyFingerprint,
    String parameters,
    GalleryLayout layout, long recordCount, int ciphertextsPerRecord, int degree, int level,
    int payloadBytes, PayloadEncoding payloadEncoding) {

  /** Size of the header region at the start of every record file. */
  public static final int HEADER_BYTES = 4096;
  /** Record framing before the payload: magic (4), record index (8), item count (4). */
  public static final int RECORD_PREFIX_BYTES = 16;
  /** Record framing after the payload: CRC32C (4). */
  public static final int RECORD_SUFFIX_BYTES = 4;

  static final String FORMAT_LINE = "hers-j record file, format 1";
  static final String FORMAT_2_LINE = "hers-j record file, format 2";

  /** A header of {@link PayloadEncoding#WORDS} payloads (record format 1). */
  public RecordFileHeader(FileKind kind, String engine, String fingerprint, String keyFingerprint,
      String parameters, GalleryLayout layout, long recordCount, int ciphertextsPerRecord, int degree, int level,
      int payloadBytes) {
    this(kind, engine, fingerprint, keyFingerprint, parameters, layout, recordCount, ciphertextsPerRecord, degree,
        level, payloadBytes, PayloadEncoding.WORDS);
  }

  /** Validates the fields. */
  public RecordFileHeader {
    if (payloadEncoding == null || kind == null || layout == null || engine == null || fingerprint == null || keyFingerprint == null
        || parameters == null) {
      throw new IllegalArgumentException("record file header has a missing field");
    }
    if ((engine + parameters + fingerprint + keyFingerprint).contains("\n")) {
      throw new IllegalArgumentException("header values must be single lines");
    }
    if (recordCount < 1 || ciphertextsPerRecord < 1 || degree < 1 || level < 0 || payloadBytes < 1) {
      throw new IllegalArgumentException("record file header has a non-positive count");
    }
    long bytes = (long) ciphertextsPerRecord * payloadBytes + RECORD_PREFIX_BYTES + RECORD_SUFFIX_BYTES;
    if (bytes > Integer.MAX_VALUE - 64) {
      throw new IllegalArgumentException("record of " + bytes + " bytes is too large");
    }
  }

  /** Bytes of one record including its framing. */
  public int recordBytes() {
    return RECORD_PREFIX_BYTES + ciphertextsPerRecord * payloadBytes + RECORD_SUFFIX_BYTES;
  }

  /** Exact size of a complete file with this header. */
  public long fileBytes() {
    return HEADER_BYTES + recordCount * recordBytes();
  }

  /** File offset of record {@code index}. */
  public long recordOffset(long index) {
    return HEADER_BYTES + index * recordBytes();
  }

  /** The header region: text lines, SHA-256 line, zero padding to {@link #HEADER_BYTES}. */
  public byte[] encode() {
    StringBuilder text = new StringBuilder(payloadEncoding == PayloadEncoding.WORDS ? FORMAT_LINE : FORMAT_2_LINE)
        .append('\n');
    for (Map.Entry<String, String> e : fields().entrySet()) {
      text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    String body = text.toString();
    String all = body + "header-sha256=" + Sha256.hex(body.getBytes(StandardCharsets.UTF_8)) + '\n';
    byte[] bytes = all.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > HEADER_BYTES) {
      throw new IllegalArgumentException("header text of " + bytes.length + " bytes does not fit");
    }
    byte[] region = new byte[HEADER_BYTES];
    System.arraycopy(bytes, 0, region, 0, bytes.length);
    return region;
  }

  /** Parses and verifies a header region read from {@code file}. */
  public static RecordFileHeader decode(byte[] region, Path file) throws RecordFileException {
    int end = 0;
    while (end < region.length && region[end] != 0) {
      end++;
    }
    String all = new String(region, 0, end, StandardCharsets.UTF_8);
    boolean format2 = all.startsWith(FORMAT_2_LINE + "\n");
    if (!format2 && !all.startsWith(FORMAT_LINE + "\n")) {
      throw new RecordFileException(file, "not a HERS-J record file of a supported format "
          + "(expected first line '" + FORMAT_LINE + "' or '" + FORMAT_2_LINE + "')");
    }
    int shaAt = all.lastIndexOf("header-sha256=");
    if (shaAt < 0 || !all.endsWith("\n")) {
      throw new RecordFileException(file, "header has no checksum line: truncated or damaged");
    }
    String body = all.substring(0, shaAt);
    String stored = all.substring(shaAt + "header-sha256=".length(), all.length() - 1);
    if (!stored.equals(Sha256.hex(body.getBytes(StandardCharsets.UTF_8)))) {
      throw new RecordFileException(file, "header checksum does not match: the header was altered or damaged");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : body.substring(body.indexOf('\n') + 1).split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        map.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return fromFields(map, file, format2);
  }

  /**
   * The header described by {@code map} (as written by {@link #fields()}), read from {@code file};
   * {@code format2} says the fields must name the payload encoding.
   */
  static RecordFileHeader fromFields(Map<String, String> map, Path file, boolean format2) throws RecordFileException {
    try {
      GalleryLayout layout = new GalleryLayout(LayoutKind.valueOf(field(map, "layout", file)),
          Long.parseLong(field(map, "items", file)), Integer.parseInt(field(map, "dimension", file)),
          Integer.parseInt(field(map, "slots", file)));
      return new RecordFileHeader(FileKind.valueOf(field(map, "kind", file)), field(map, "engine", file),
          field(map, "fingerprint", file), field(map, "key-fingerprint", file),
          field(map, "parameters", file), layout,
          Long.parseLong(field(map, "records", file)),
          Integer.parseInt(field(map, "ciphertexts-per-record", file)),
          Integer.parseInt(field(map, "degree", file)), Integer.parseInt(field(map, "level", file)),
          Integer.parseInt(field(map, "payload-bytes", file)),
          format2 ? PayloadEncoding.byHeaderName(field(map, "payload-encoding", file)) : PayloadEncoding.WORDS);
    } catch (IllegalArgumentException e) {
      throw new RecordFileException(file, "invalid header field: " + e.getMessage());
    }
  }

  /**
   * This header with another item and record count (a shard of a gallery, or the whole of a sharded
   * one); everything else is kept.
   */
  public RecordFileHeader withCounts(long items, long records) {
    GalleryLayout resized = new GalleryLayout(layout.kind(), items, layout.dimension(), layout.slots());
    return new RecordFileHeader(kind, engine, fingerprint, keyFingerprint, parameters, resized, records,
        ciphertextsPerRecord, degree, level, payloadBytes, payloadEncoding);
  }

  /** The header's fields in the order they are written. */
  Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("kind", kind.name());
    m.put("engine", engine);
    m.put("fingerprint", fingerprint);
    m.put("key-fingerprint", keyFingerprint);
    m.put("parameters", parameters);
    m.put("layout", layout.kind().name());
    m.put("items", Long.toString(layout.itemCount()));
    m.put("dimension", Integer.toString(layout.dimension()));
    m.put("slots", Integer.toString(layout.slots()));
    m.put("records", Long.toString(recordCount));
    m.put("ciphertexts-per-record", Integer.toString(ciphertextsPerRecord));
    m.put("degree", Integer.toString(degree));
    m.put("level", Integer.toString(level));
    m.put("payload-bytes", Integer.toString(payloadBytes));
    m.put("record-bytes", Integer.toString(recordBytes()));
    if (payloadEncoding != PayloadEncoding.WORDS) {
      m.put("payload-encoding", payloadEncoding.headerName());
    }
    return m;
  }

  private static String field(Map<String, String> map, String key, Path file) throws RecordFileException {
    String v = map.get(key);
    if (v == null) {
      throw new RecordFileException(file, "header field '" + key + "' is missing");
    }
    return v;
  }
}
