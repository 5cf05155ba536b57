package org.hersj.fhe.search.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.hersj.fhe.io.Sha256;

/**
 * The record-file headers of release 0.1.0, before the {@link org.hersj.fhe.io.Envelope}: UTF-8
 * {@code key=value} lines after a format line ({@link #FORMAT_1_LINE}: 64-bit word payloads,
 * {@link #FORMAT_2_LINE}: the payload encoding named), ending with {@code header-sha256=} of the lines
 * before it, zero-padded to {@link RecordFileHeader#HEADER_BYTES}. Read only; the record stream after
 * the header is the same in every format.
 */
final class LegacyRecordHeader {

  static final String FORMAT_1_LINE = "hers-j record file, format 1";
  static final String FORMAT_2_LINE = "hers-j record file, format 2";
  private static final String SHA_KEY = "header-sha256=";

  private LegacyRecordHeader() {
  }

  /** Whether {@code region} starts with a format-1 or format-2 line. */
  static boolean matches(byte[] region) {
    String start = new String(region, 0, Math.min(region.length, FORMAT_1_LINE.length() + 1),
        StandardCharsets.UTF_8);
    return start.equals(FORMAT_1_LINE + "\n") || start.equals(FORMAT_2_LINE + "\n");
  }

  /** Parses and verifies a format-1 or format-2 header region read from {@code file}. */
  static RecordFileHeader decode(byte[] region, Path file) throws RecordFileException {
    String all = RecordFileHeader.textUpToZero(region, 0, region.length);
    boolean format2 = all.startsWith(FORMAT_2_LINE + "\n");
    int shaAt = all.lastIndexOf(SHA_KEY);
    if (shaAt < 0 || !all.endsWith("\n")) {
      throw new RecordFileException(file, "header has no checksum line: truncated or damaged");
    }
    String body = all.substring(0, shaAt);
    String stored = all.substring(shaAt + SHA_KEY.length(), all.length() - 1);
    if (!stored.equals(Sha256.hex(body.getBytes(StandardCharsets.UTF_8)))) {
      throw new RecordFileException(file, "header checksum does not match: the header was altered or damaged");
    }
    Map<String, String> map = RecordFileHeader.parseLines(body.substring(body.indexOf('\n') + 1));
    return RecordFileHeader.fromFields(map, file, format2);
  }

  /** A legacy header region of {@code header}'s fields (for tests of the old readers). */
  static byte[] encode(RecordFileHeader header, String formatLine) {
    String body = formatLine + "\n" + header.fieldLines();
    String all = body + SHA_KEY + Sha256.hex(body.getBytes(StandardCharsets.UTF_8)) + '\n';
    return java.util.Arrays.copyOf(all.getBytes(StandardCharsets.UTF_8), RecordFileHeader.HEADER_BYTES);
  }
}
