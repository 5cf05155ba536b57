package org.hersj.fhe.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
  private static final Envelope.Format FORMAT = new Envelope.Format("test file", "HJTESTFM", 2, 1,
      Envelope.BodyCheck.SHA256);
  private static final Envelope.Format BLOCKS = new Envelope.Format("test block file", "HJTESTBL", 1, 0,
      Envelope.BodyCheck.CRC32C_BLOCKS);
  private static final byte[] FIELDS = {7, 0, 0, 0, 42};
  private static final byte[] BODY = "the body of a test file".getBytes(StandardCharsets.UTF_8);

  private static Envelope read(byte[] bytes, Envelope.Format format) {
    return Envelope.read(bytes, format, "f.bin", IllegalStateException::new);
  }

  private static String refusal(byte[] bytes, Envelope.Format format) {
    String message = assertThrows(IllegalStateException.class, () -> read(bytes, format)).getMessage();
    assertTrue(message.startsWith("f.bin: "), "names the file: " + message);
    return message;
  }

  @Test
  void wrappedBytesReadBackWithTheirVersionsFieldsAndBody() {
    byte[] file = Envelope.wrap(FORMAT, FIELDS, BODY);
    assertEquals(Envelope.FIXED_BYTES + FIELDS.length + 32 + BODY.length + 32, file.length);
    Envelope e = read(file, FORMAT);
    assertEquals(2, e.major());
    assertEquals(1, e.minor());
    byte[] fields = new byte[e.fields().remaining()];
    e.fields().get(fields);
    assertArrayEquals(FIELDS, fields);
    byte[] body = new byte[e.body().remaining()];
    e.body().get(body);
    assertArrayEquals(BODY, body);
    assertEquals(Envelope.headerLength(file), e.headerBytes());
  }

  @Test
  void everyTruncationAndEveryFlippedByteIsRefusedNamingTheFile() {
    byte[] file = Envelope.wrap(FORMAT, FIELDS, BODY);
    for (int length = 0; length < file.length; length++) {
      refusal(Arrays.copyOf(file, length), FORMAT);
    }
    assertTrue(refusal(Arrays.copyOf(file, file.length - 1), FORMAT).contains("truncated"));
    assertTrue(refusal(Arrays.copyOf(file, file.length + 1), FORMAT).contains("extra bytes"));
    for (int i = 0; i < file.length; i++) {
      byte[] flipped = file.clone();
      flipped[i] ^= 0x01;
      refusal(flipped, FORMAT);
    }
    byte[] body = file.clone();
    body[file.length - 40] ^= 0x01;
    assertTrue(refusal(body, FORMAT).contains("SHA-256"));
  }

  @Test
  void anotherFormatsMagicIsRefusedSayingWhatWasExpected() {
    byte[] file = Envelope.wrap(FORMAT, FIELDS, BODY);
    String message = refusal(file, new Envelope.Format("model file", "HJOTHERF", 2, 0, Envelope.BodyCheck.SHA256));
    assertTrue(message.contains("not a model file") && message.contains("\"HJTESTFM\"")
        && message.contains("expected \"HJOTHERF\""), message);
  }

  @Test
  void aNewerMajorIsRefusedAsWrittenByANewerRelease() {
    Envelope.Format newer = new Envelope.Format("test file", "HJTESTFM", 3, 0, Envelope.BodyCheck.SHA256);
    String message = refusal(Envelope.wrap(newer, FIELDS, BODY), FORMAT);
    assertTrue(message.contains("written by a newer HERS-J") && message.contains("upgrade"), message);
  }

  @Test
  void aNewerMinorsExtraHeaderFieldsAreSkippedByAnOlderReader() {
    Envelope.Format newerMinor = new Envelope.Format("test file", "HJTESTFM", 2, 7, Envelope.BodyCheck.SHA256);
    byte[] moreFields = Arrays.copyOf(FIELDS, FIELDS.length + 12);
    moreFields[FIELDS.length] = 99;
    Envelope e = read(Envelope.wrap(newerMinor, moreFields, BODY), FORMAT);
    assertEquals(7, e.minor());
    assertEquals(42, e.fields().order(ByteOrder.LITTLE_ENDIAN).get(4), "the fields it knows are where they were");
    byte[] body = new byte[e.body().remaining()];
    e.body().get(body);
    assertArrayEquals(BODY, body, "the body starts after the longer header");
  }

  @Test
  void aBlockFormatsHeaderChecksTheFileSizeAndLeavesTheBlocksToTheFormat() {
    byte[] header = Envelope.header(BLOCKS, FIELDS, 4096, 3 * 100);
    assertEquals(4096, header.length);
    Envelope e = Envelope.readHeader(header, 4096 + 300, BLOCKS, "g.hrec", IllegalStateException::new);
    assertEquals(4096, e.headerBytes());
    assertEquals(300, e.bodyBytes());
    String truncated = assertThrows(IllegalStateException.class,
        () -> Envelope.readHeader(header, 4096 + 299, BLOCKS, "g.hrec", IllegalStateException::new)).getMessage();
    assertTrue(truncated.startsWith("g.hrec: truncated"), truncated);
    byte[] padded = header.clone();
    padded[1000] = 1;
    String flipped = assertThrows(IllegalStateException.class,
        () -> Envelope.readHeader(padded, 4096 + 300, BLOCKS, "g.hrec", IllegalStateException::new)).getMessage();
    assertTrue(flipped.contains("header fails its SHA-256"), flipped);
    assertThrows(IllegalArgumentException.class, () -> Envelope.wrap(BLOCKS, FIELDS, BODY));
  }

  @Test
  void aFormatsMagicIsEightAsciiCharacters() {
    assertThrows(IllegalArgumentException.class,
        () -> new Envelope.Format("x", "SHORT", 1, 0, Envelope.BodyCheck.SHA256));
    assertThrows(IllegalArgumentException.class,
        () -> new Envelope.Format("x", "HJTESTFM", 0, 0, Envelope.BodyCheck.SHA256));
  }
}
