package org.hersj.fhe.search.backend.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CkksKeyFiles#loadServer} refuses a key directory that holds the secret key under any name (the
 * frame's type is read, not the file name), and a secret key file passed as the directory itself; the
 * same directory without it loads.
 */
class ServerRefusesSecretKeyTest {

  @Test
  void renamedSecretKeyIsRefusedByContent(@TempDir Path dir) throws IOException {
    CkksSearchKeys keys = CkksSearchKeys.generate(CkksPresets.byName("SEARCH_N4096"),
        RandomSource.seededForTestsOnly(71));
    CkksKeyFiles.write(keys, dir);
    Path disguised = dir.resolve("evaluation-extra.bin");
    Files.move(dir.resolve(CkksKeyFiles.SECRET), disguised);
    IOException e = assertThrows(IOException.class, () -> CkksKeyFiles.loadServer(dir));
    assertTrue(e.getMessage().contains(disguised + " holds a secret key"), e.getMessage());
    IOException asFile = assertThrows(IOException.class, () -> CkksKeyFiles.requireNoSecretKey(disguised));
    assertTrue(asFile.getMessage().contains("holds a secret key"), asFile.getMessage());
    Files.delete(disguised);
    assertEquals(keys.server().keyFingerprint(), CkksKeyFiles.loadServer(dir).keyFingerprint());
  }
}
