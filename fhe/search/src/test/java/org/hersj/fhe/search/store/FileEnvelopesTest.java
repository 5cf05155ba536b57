package org.hersj.fhe.search.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.hersj.fhe.io.Envelope;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.search.backend.PayloadEncoding;
import org.hersj.fhe.search.layout.GalleryLayout;
import org.hersj.fhe.search.layout.LayoutKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The record-file header and the shard manifest in their envelopes: both round trip; the 0.1.0 text forms
 * are still read; truncation, a flipped byte, another magic and a newer major are refused naming the file;
 * a header field a newer minor adds is skipped.
 */
class FileEnvelopesTest {

  private static final GalleryLayout LAYOUT = new GalleryLayout(LayoutKind.HERS_COMPLEX, 10_000, 16, 2048);
  private static final RecordFileHeader HEADER = new RecordFileHeader(FileKind.GALLERY, "hersj-ckks", "ab12",
      "cd34", "test parameters", LAYOUT, LAYOUT.recordCount(), 16, 1, 1, 1000, PayloadEncoding.PACKED);

  @TempDir
  Path dir;

  private static String refusal(byte[] region, Path file) {
    String m = assertThrows(RecordFileException.class, () -> RecordFileHeader.decode(region, file)).getMessage();
    assertTrue(m.contains(file.toString()), "names the file: " + m);
    return m;
  }

  @Test
  void recordHeadersRoundTripAndTheTextHeadersOf010AreRead() throws IOException {
    Path file = dir.resolve("gallery.hrec");
    byte[] region = HEADER.encode();
    assertEquals(RecordFileHeader.HEADER_BYTES, region.length);
    assertTrue(RecordFileHeader.FORMAT.matches(region));
    assertEquals(HEADER, RecordFileHeader.decode(region, file));
    assertEquals(HEADER, RecordFileHeader.decode(LegacyRecordHeader.encode(HEADER, LegacyRecordHeader.FORMAT_2_LINE),
        file));
    RecordFileHeader words = new RecordFileHeader(FileKind.SCORES, "hersj-ckks", "ab12", "cd34", "p", LAYOUT,
        LAYOUT.recordCount(), 1, 1, 0, 500);
    assertEquals(words, RecordFileHeader.decode(LegacyRecordHeader.encode(words, LegacyRecordHeader.FORMAT_1_LINE),
        file));
  }

  @Test
  void damagedForeignAndNewerRecordHeadersAreRefused() {
    Path file = dir.resolve("gallery.hrec");
    byte[] region = HEADER.encode();
    for (int at : new int[] {9, 13, 20, 40, 2000, RecordFileHeader.HEADER_BYTES - 1}) {
      byte[] flipped = region.clone();
      flipped[at] ^= 1;
      refusal(flipped, file);
    }
    byte[] truncated = Arrays.copyOf(region, 100);
    assertTrue(refusal(truncated, file).contains("truncated"));
    byte[] foreign = region.clone();
    foreign[2] = 'X';
    assertTrue(refusal(foreign, file).contains("expected \"HJRECORD\""));
    Envelope.Format newer = new Envelope.Format(RecordFileHeader.FORMAT.name(), "HJRECORD", 4, 0,
        Envelope.BodyCheck.CRC32C_BLOCKS);
    byte[] fields = HEADER.fieldLines().getBytes(StandardCharsets.UTF_8);
    assertTrue(refusal(Envelope.header(newer, fields, RecordFileHeader.HEADER_BYTES,
        HEADER.recordCount() * HEADER.recordBytes()), file).contains("written by a newer HERS-J"));
    assertTrue(refusal(Envelope.header(RecordFileHeader.FORMAT, fields, RecordFileHeader.HEADER_BYTES, 12345), file)
        .contains("body of 12345 bytes"));
  }

  @Test
  void aFieldANewerMinorAddsIsSkipped() throws IOException {
    Envelope.Format newerMinor = new Envelope.Format(RecordFileHeader.FORMAT.name(), "HJRECORD", 3, 4,
        Envelope.BodyCheck.CRC32C_BLOCKS);
    byte[] fields = (HEADER.fieldLines() + "created-by=hers-j 9.9\n").getBytes(StandardCharsets.UTF_8);
    byte[] region = Envelope.header(newerMinor, fields, RecordFileHeader.HEADER_BYTES,
        HEADER.recordCount() * HEADER.recordBytes());
    assertEquals(HEADER, RecordFileHeader.decode(region, dir.resolve("g.hrec")));
  }

  @Test
  void manifestsRoundTripAndTheTextManifestOf010IsRead() throws IOException {
    ShardPlan plan = ShardPlan.of(LAYOUT, 2);
    List<ShardManifest.Shard> shards = plan.shards().stream()
        .map(r -> new ShardManifest.Shard(r, 1234 + r.index(), ShardManifest.NO_DIGEST)).toList();
    ShardManifest manifest = new ShardManifest(HEADER, shards);
    manifest.write(dir);
    Path file = dir.resolve(ShardManifest.FILE);
    assertTrue(ShardManifest.FORMAT.matches(Files.readAllBytes(file)));
    assertEquals(manifest, ShardManifest.read(dir));

    StringBuilder old = new StringBuilder(ShardManifest.FORMAT_1_LINE).append('\n').append(HEADER.fieldLines())
        .append("shards=2\n");
    for (ShardManifest.Shard s : shards) {
      ShardPlan.Range r = s.range();
      old.append(String.format(Locale.ROOT, "shard=%d %s %d %d %d %d %d %s%n", r.index(), r.fileName(FileKind.GALLERY),
          r.firstRecord(), r.records(), r.firstItem(), r.items(), s.bytes(), s.sha256()));
    }
    String body = old.toString();
    Files.writeString(file, body + "manifest-sha256=" + Sha256.hex(body.getBytes(StandardCharsets.UTF_8)) + "\n");
    assertEquals(manifest, ShardManifest.read(dir), "a 0.1.0 manifest is still read");

    manifest.write(dir);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length / 2] ^= 1;
    Files.write(file, bytes);
    String m = assertThrows(RecordFileException.class, () -> ShardManifest.read(dir)).getMessage();
    assertTrue(m.contains("SHA-256") && m.contains(file.toString()), m);
    Files.write(file, Arrays.copyOf(bytes, 50));
    m = assertThrows(RecordFileException.class, () -> ShardManifest.read(dir)).getMessage();
    assertTrue(m.contains("truncated"), m);
  }
}
