package org.hersj.experiments.architecture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reduction} may not depend on fhe, so it keeps its own copies of the file envelope and the atomic
 * writer; this holds them to {@code org.hersj.fhe.io}: the same bytes for the same content, the same verdict
 * and message for every truncation and every flipped byte of a file, another magic and a newer major; and
 * the same file (content, permissions, no temporary left) from both writers.
 */
class EnvelopeCopiesAgreeTest {

  private static final org.hersj.fhe.io.Envelope.Format FHE = new org.hersj.fhe.io.Envelope.Format("test model",
      "HJTESTMD", 3, 1, org.hersj.fhe.io.Envelope.BodyCheck.SHA256);
  private static final org.hersj.reduction.io.Envelope.Format REDUCTION =
      new org.hersj.reduction.io.Envelope.Format("test model", "HJTESTMD", 3, 1);

  @TempDir
  Path dir;

  private static String fheVerdict(byte[] bytes) {
    try {
      org.hersj.fhe.io.Envelope e = org.hersj.fhe.io.Envelope.read(bytes, FHE, "m.bin", IllegalStateException::new);
      return "read " + e.major() + "." + e.minor() + " " + e.fields().remaining() + "+" + e.body().remaining();
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  private static String reductionVerdict(byte[] bytes) {
    try {
      org.hersj.reduction.io.Envelope e = org.hersj.reduction.io.Envelope.read(bytes, REDUCTION, "m.bin",
          IllegalStateException::new);
      return "read " + e.major() + "." + e.minor() + " " + e.fields().remaining() + "+" + e.body().remaining();
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  @Test
  void bothEnvelopesWriteTheSameBytesAndGiveTheSameVerdictOnEveryDamage() {
    SplittableRandom random = new SplittableRandom(11);
    for (int[] sizes : new int[][] {{0, 0}, {3, 17}, {0, 200}}) {
      byte[] fields = new byte[sizes[0]];
      byte[] body = new byte[sizes[1]];
      for (int i = 0; i < body.length; i++) {
        body[i] = (byte) random.nextInt(256);
      }
      byte[] file = org.hersj.fhe.io.Envelope.wrap(FHE, fields, body);
      assertArrayEquals(file, org.hersj.reduction.io.Envelope.wrap(REDUCTION, fields, body));
      for (int length = 0; length <= file.length + 1; length++) {
        byte[] cut = Arrays.copyOf(file, length);
        assertEquals(fheVerdict(cut), reductionVerdict(cut), "length " + length);
      }
      for (int i = 0; i < file.length; i++) {
        byte[] flipped = file.clone();
        flipped[i] ^= (byte) (1 << (i % 8));
        assertEquals(fheVerdict(flipped), reductionVerdict(flipped), "flipped byte " + i);
      }
    }
    byte[] newer = org.hersj.fhe.io.Envelope.wrap(new org.hersj.fhe.io.Envelope.Format("test model", "HJTESTMD", 4, 0,
        org.hersj.fhe.io.Envelope.BodyCheck.SHA256), new byte[0], new byte[5]);
    byte[] foreign = "HJOTHERF and some more bytes to be long enough for a header".getBytes(StandardCharsets.US_ASCII);
    for (byte[] bytes : List.of(newer, foreign)) {
      assertEquals(fheVerdict(bytes), reductionVerdict(bytes));
    }
  }

  @Test
  void bothAtomicWritersLeaveTheSameFile() throws IOException {
    byte[] content = "stage,width\n1,8\n".getBytes(StandardCharsets.UTF_8);
    Path a = dir.resolve("a").resolve("table.csv");
    Path b = dir.resolve("b").resolve("table.csv");
    Files.createDirectories(a.getParent());
    Files.writeString(a, "old content, replaced");
    org.hersj.fhe.io.AtomicFiles.write(a, content, false);
    org.hersj.reduction.core.AtomicFiles.write(b, content);
    for (Path p : List.of(a, b)) {
      assertArrayEquals(content, Files.readAllBytes(p));
      assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
      try (var files = Files.list(p.getParent())) {
        assertEquals(List.of("table.csv"), files.map(f -> f.getFileName().toString()).toList(), "no temporary left");
      }
    }
  }
}
