package org.hersj.fhe.search.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ckks.JavaSearchEngine;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.testing.ClearTestEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding engines through the SPI ({@code fhe.backend}) and the java engine behind it. */
class SearchEnginesTest {
  private static final CkksParametersLiteral TOY = new CkksParametersLiteral(12, List.of(46, 38), List.of(25), 38,
      SecurityLevel.BITS_128, false);

  @Test
  void enginesAreFoundByServiceLoaderWithJavaFirst() {
    List<String> names = SearchEngines.names();
    assertEquals("java", names.get(0), names.toString());
    assertTrue(names.contains(ClearTestEngine.NAME), "the test class path registers a second engine: " + names);
    assertInstanceOf(JavaSearchEngine.class, SearchEngines.byName(" Java "));
    assertInstanceOf(ClearTestEngine.class, SearchEngines.byName("clear-test"));
    assertEquals(LayoutKind.HERS_COMPLEX, SearchEngines.byName("java").hersLayout());
    assertEquals(LayoutKind.HERS_SIMD, SearchEngines.byName("clear-test").hersLayout());
  }

  @Test
  void unknownNameListsTheEnginesThereAre() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SearchEngines.byName("seal"));
    assertTrue(e.getMessage().startsWith("unknown engine 'seal'; expected one of [java, clear-test"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SearchEngines.byName(null));
  }

  @Test
  void openFheWithoutItsModuleSaysWhatToDo() {
    assumeFalse(SearchEngines.isPresent("openfhe"), "OpenFHE is on the class path: nothing to refuse");
    EngineUnavailableException e = assertThrows(EngineUnavailableException.class,
        () -> SearchEngines.byName("openfhe"));
    assertTrue(e.getMessage().startsWith("engine 'openfhe' was requested, but its module is not on the class path"),
        e.getMessage());
    assertTrue(e.getMessage().contains("-Dopenfhe.home="), e.getMessage());
  }

  @Test
  void javaEngineEncryptsAndDecrypts() {
    ClientBackend client = SearchEngines.byName("java").generateKeys(TOY, RandomSource.seededForTestsOnly(1)).client().withoutNoiseFlooding();
    BackendCiphertext ct = client.newCiphertext(1, client.freshLevel());
    client.encryptReplicated(-0.625, ct);
    double[] out = new double[client.slots()];
    client.decrypt(ct, out);
    assertEquals(-0.625, out[7], 1e-6);
  }

  @Test
  void javaKeysRoundTripThroughAKeyDirectoryAndAreRecognised(@TempDir Path dir) throws IOException {
    SearchEngine java = SearchEngines.byName("java");
    SearchKeySet keys = java.generateKeys(TOY, RandomSource.seededForTestsOnly(2));
    java.writeKeys(keys, dir);
    assertInstanceOf(JavaSearchEngine.class, SearchEngines.holding(dir));
    EncryptionBackend enroller = java.loadEnroller(dir, RandomSource.seededForTestsOnly(3));
    BackendCiphertext ct = enroller.newCiphertext(1, enroller.freshLevel());
    enroller.encryptReplicated(0.25, ct);
    ClientBackend client = java.loadClient(dir, RandomSource.seededForTestsOnly(4)).withoutNoiseFlooding();
    double[] out = new double[client.slots()];
    client.decrypt(ct, out);
    assertEquals(0.25, out[0], 1e-6);
    assertEquals(keys.server().keyFingerprint(), java.loadServer(org.hersj.fhe.search.testing.ServerKeyCopy.of(dir)).keyFingerprint());
  }

  @Test
  void keySetOfAnotherEngineIsRefused(@TempDir Path dir) {
    SearchKeySet clear = SearchEngines.byName("clear-test").generateKeys(TOY, RandomSource.seededForTestsOnly(2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SearchEngines.byName("java").writeKeys(clear, dir));
    assertTrue(e.getMessage().contains("is not one of engine 'java'"), e.getMessage());
  }

  @Test
  void directoryWithoutKeysIsNamed(@TempDir Path dir) throws IOException {
    IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> SearchEngines.holding(dir));
    assertTrue(empty.getMessage().startsWith(dir + " holds no key set of the engines on the class path"),
        empty.getMessage());
    Path file = Files.writeString(dir.resolve("f"), "x");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SearchEngines.holding(file)).getMessage()
        .contains("is a file"));
  }
}
