package org.hersj.fhe.search.backend.ckks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hersj.fhe.ckks.Ciphertext;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.BlockEvaluator;
import org.junit.jupiter.api.Test;

/** The lazily reduced block inner product equals the engine's term-by-term multiply-accumulate exactly. */
class LazyInnerProductKernelTest {

  @Test
  void residuesEqualTheEnginesPerTermAccumulationAcrossTermGroups() {
    CkksParameters params = CkksPresets.byName("SEARCH_N4096");
    CkksSearchKeys keys = CkksSearchKeys.generate(params, RandomSource.seededForTestsOnly(5));
    CkksClientBackend client = keys.client();
    int d = LazyInnerProductKernel.MAX_TERMS + 6;
    BackendCiphertext[] a = new BackendCiphertext[d];
    BackendCiphertext[] b = new BackendCiphertext[d];
    double[] column = new double[params.slots()];
    for (int j = 0; j < d; j++) {
      a[j] = client.newCiphertext(1, client.freshLevel());
      client.encryptReplicated(Math.sin(j), a[j]);
      for (int i = 0; i < column.length; i++) {
        column[i] = Math.cos(i + j);
      }
      b[j] = client.newCiphertext(1, client.freshLevel());
      client.encryptColumn(column, b[j]);
    }
    BlockEvaluator evaluator = keys.server().newEvaluator();
    BackendCiphertext lazy = client.newCiphertext(2, client.freshLevel());
    BackendCiphertext perTerm = client.newCiphertext(2, client.freshLevel());
    evaluator.innerProduct(a, b, d, lazy);
    evaluator.clear(perTerm);
    for (int j = 0; j < d; j++) {
      evaluator.multiplyAccumulate(a[j], b[j], perTerm);
    }
    Ciphertext x = CkksCiphertext.of(lazy).ct;
    Ciphertext y = CkksCiphertext.of(perTerm).ct;
    assertEquals(y.scale(), x.scale());
    assertEquals(y.level(), x.level());
    for (int k = 0; k <= 2; k++) {
      for (int i = 0; i <= y.level(); i++) {
        assertArrayEquals(y.poly(k).limb(i), x.poly(k).limb(i), "polynomial " + k + ", limb " + i);
      }
    }
  }
}
