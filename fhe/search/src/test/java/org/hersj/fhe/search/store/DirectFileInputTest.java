package org.hersj.fhe.search.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Direct reads against the file's bytes: any position and length (unaligned, across blocks, longer than one
 * read, up to and past the end) give exactly the bytes a page-cache read gives. The file lives under the build
 * directory ({@code target/}, a disk file system) rather than the temporary directory, which may be a tmpfs
 * (without direct I/O before Linux 6.6).
 */
class DirectFileInputTest {

  private static final int SIZE = 3 * (1 << 20) + 1234; // three of the 1 MB reads and a partial block

  private Path dir;
  private Path file;
  private byte[] bytes;

  @BeforeEach
  void writeFile() throws IOException {
    Files.createDirectories(Path.of("target"));
    dir = Files.createTempDirectory(Path.of("target"), "direct-io");
    file = dir.resolve("records.bin");
    bytes = new byte[SIZE];
    new SplittableRandom(3).nextBytes(bytes);
    Files.write(file, bytes);
  }

  @AfterEach
  void deleteFile() throws IOException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(dir);
  }

  @Test
  void readsTheFilesBytesAtAnyPositionAndLength() throws IOException {
    SplittableRandom random = new SplittableRandom(4);
    try (DirectFileInput input = DirectFileInput.open(file)) {
      assertEquals(SIZE, input.size());
      for (int trial = 0; trial < 300; trial++) {
        int position = trial < 20 ? SIZE - 1 - trial * 97 : random.nextInt(SIZE);
        int length = 1 + random.nextInt(trial % 10 == 0 ? 2 * (1 << 20) : 70_000);
        int expected = Math.min(length, SIZE - position);
        ByteBuffer dst = ByteBuffer.allocateDirect(length);
        assertEquals(Math.min(expected, 1 << 20), input.read(dst, position),
            "one read returns all it can, up to 1 MB, at " + position + " of " + length + " wanted");
        long at = position + dst.position();
        while (dst.hasRemaining()) {
          int n = input.read(dst, at);
          if (n < 0) {
            break;
          }
          assertTrue(n > 0 && n <= 1 << 20, "one read returns 1 .. 1 MB, got " + n);
          at += n;
        }
        assertEquals(expected, dst.position(), "bytes read at " + position + " of " + length + " wanted");
        byte[] got = new byte[expected];
        dst.flip().get(got);
        assertArrayEquals(Arrays.copyOfRange(bytes, position, position + expected), got,
            "bytes at " + position + ", length " + length);
      }
      assertEquals(-1, input.read(ByteBuffer.allocate(10), SIZE), "at the end of the file");
      assertEquals(-1, input.read(ByteBuffer.allocate(10), SIZE + 4096L), "past the end of the file");
    }
  }

  @Test
  void anEmptyReadReadsNothing() throws IOException {
    try (DirectFileInput input = DirectFileInput.open(file)) {
      assertEquals(0, input.read(ByteBuffer.allocate(0), 100), "as FileChannel: 0 for no room, not the end");
    }
  }

  @Test
  void aMissingFileIsRefusedNamingIt() {
    Path missing = dir.resolve("missing.bin");
    RecordFileException e = assertThrows(RecordFileException.class, () -> DirectFileInput.open(missing));
    // a missing file is not a file system without direct I/O: no advice to drop --direct-io
    assertTrue(e.getMessage().contains("missing.bin") && e.getMessage().contains("check the path")
        && !e.getMessage().contains("--direct-io"), e.getMessage());
  }
}
