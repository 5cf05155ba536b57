package org.hersj.reduction.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hersj.reduction.core.Reducer;
import org.hersj.reduction.pca.PcaReducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model files in their envelope: a PCA model round trips; truncation, a flipped byte, another magic and a
 * newer major are refused naming the file; header fields of a newer minor are skipped.
 */
class ModelFileEnvelopeTest {

  private static final PcaReducer PCA = new PcaReducer(new float[] {0.5f, -0.5f, 0f},
      new float[][] {{1, 0}, {0, 1}, {0, 0}});
  private static final float[][] ROWS = {{1, 2, 3}, {-1, 0.5f, 2}};

  @TempDir
  Path dir;

  private String refusal(byte[] bytes) throws IOException {
    Path file = Files.write(dir.resolve("bad.hersred"), bytes);
    String m = assertThrows(IllegalArgumentException.class, () -> ModelFile.load(file)).getMessage();
    assertTrue(m.contains(file.toString()), "names the file: " + m);
    return m;
  }

  @Test
  void aModelRoundTripsInItsEnvelope() throws IOException {
    Path file = dir.resolve("pca.hersred");
    ModelFile.save(PCA, file);
    byte[] bytes = Files.readAllBytes(file);
    assertEquals("HJREDMOD", new String(bytes, 0, 8, java.nio.charset.StandardCharsets.US_ASCII));
    Reducer back = ModelFile.load(file);
    for (int i = 0; i < ROWS.length; i++) {
      assertArrayEquals(PCA.reduce(ROWS)[i], back.reduce(ROWS)[i], 0f);
    }
  }

  @Test
  void damagedForeignAndNewerFilesAreRefused() throws IOException {
    Path file = dir.resolve("pca.hersred");
    ModelFile.save(PCA, file);
    byte[] good = Files.readAllBytes(file);
    for (int at : new int[] {3, 9, 14, 20, 30, good.length / 2, good.length - 1}) {
      byte[] flipped = good.clone();
      flipped[at] ^= 1;
      refusal(flipped);
    }
    assertTrue(refusal(Arrays.copyOf(good, good.length - 3)).contains("truncated"));
    assertTrue(refusal(Arrays.copyOf(good, 20)).contains("truncated"));
    assertTrue(refusal("NOTAMODEL and more bytes".getBytes()).contains("expected \"HJREDMOD\""));
    byte[] body = Arrays.copyOfRange(good, 60, good.length - 32);
    Envelope.Format newer = new Envelope.Format(ModelFile.FORMAT.name(), "HJREDMOD", ModelFile.FORMAT.major() + 1, 0);
    assertTrue(refusal(Envelope.wrap(newer, new byte[0], body)).contains("written by a newer HERS-J"));
    Envelope.Format newerMinor = new Envelope.Format(ModelFile.FORMAT.name(), "HJREDMOD", ModelFile.FORMAT.major(), 2);
    Path later = Files.write(dir.resolve("later.hersred"), Envelope.wrap(newerMinor, new byte[] {1, 2, 3, 4}, body));
    assertArrayEquals(PCA.reduce(ROWS)[1], ModelFile.load(later).reduce(ROWS)[1], 0f, "extra header fields skipped");
  }
}
