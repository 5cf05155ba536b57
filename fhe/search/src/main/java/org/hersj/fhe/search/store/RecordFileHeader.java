package org.hersj.fhe.search.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hersj.fhe.io.Envelope;
import org.hersj.fhe.search.backend.PayloadEncoding;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * The versioned header of a record file, the first {@link #HEADER_BYTES} bytes: an {@link Envelope} of
 * {@link #FORMAT} (major 3) whose fields are UTF-8 {@code key=value} lines (unknown keys are skipped, so a
 * newer minor may add some) and whose body is the record stream, each record checked by its own CRC32C.
 * The text headers of release 0.1.0 (format 1: word payloads; format 2: {@code payload-encoding=} named)
 * are still read ({@link LegacyRecordHeader}).
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

  /**
   * The envelope of record files; majors 1 and 2 were the text headers of release 0.1.0
   * ({@link LegacyRecordHeader}), still read.
   */
  public static final Envelope.Format FORMAT = new Envelope.Format(
      "HERS-J record file (gallery, probe or scores)", "HJRECORD", 3, 0, Envelope.BodyCheck.CRC32C_BLOCKS);

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

  /**
   * The header region: an {@link Envelope} of {@link #FORMAT} whose fields are the {@code key=value} lines
   * of {@link #fields()}, zero-padded to {@link #HEADER_BYTES}, announcing the record stream as its body.
   */
  public byte[] encode() {
    byte[] text = fieldLines().getBytes(StandardCharsets.UTF_8);
    if (text.length > HEADER_BYTES - Envelope.FIXED_BYTES - Envelope.DIGEST_BYTES) {
      throw new IllegalArgumentException("header text of " + text.length + " bytes does not fit");
    }
    return Envelope.header(FORMAT, text, HEADER_BYTES, recordCount * recordBytes());
  }

  /**
   * Parses and verifies a header region read from {@code file}: an envelope of {@link #FORMAT}, or the
   * text header of release 0.1.0 ({@link LegacyRecordHeader}). The file's size is checked by the reader.
   */
  public static RecordFileHeader decode(byte[] region, Path file) throws RecordFileException {
    if (LegacyRecordHeader.matches(region)) {
      return LegacyRecordHeader.decode(region, file);
    }
    String name = String.valueOf(file.getFileName());
    Envelope e = Envelope.readHeader(region, -1, FORMAT, name, m -> new RecordFileException(file, m));
    if (e.major() != FORMAT.major()) {
      throw new RecordFileException(file, e.unsupportedMajor(name));
    }
    if (e.headerBytes() != HEADER_BYTES) {
      throw new RecordFileException(file, "has a record-file header of " + e.headerBytes() + " bytes, expected "
          + HEADER_BYTES + ": the records would not be where they belong");
    }
    byte[] fields = new byte[e.fields().remaining()];
    e.fields().get(fields);
    RecordFileHeader header = fromFields(parseLines(textUpToZero(fields, 0, fields.length)), file, true);
    if (e.bodyBytes() != header.recordCount() * header.recordBytes()) {
      throw new RecordFileException(file, "announces a body of " + e.bodyBytes() + " bytes but " + header.recordCount()
          + " records of " + header.recordBytes() + " bytes");
    }
    return header;
  }

  /** UTF-8 text of {@code bytes[offset, offset + length)} up to the first zero byte. */
  static String textUpToZero(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }

  /** The {@code key=value} lines of {@code text}; other lines (and unknown keys) are the caller's to skip. */
  static Map<String, String> parseLines(String text) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        map.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return map;
  }

  /** The fields as {@code key=value} lines, each ending with a newline. */
  String fieldLines() {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e : fields().entrySet()) {
      text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    return text.toString();
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
    m.put("payload-encoding", payloadEncoding.headerName());
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
