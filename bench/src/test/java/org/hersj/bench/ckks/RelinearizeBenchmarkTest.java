package org.hersj.bench.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hersj.fhe.ckks.Ciphertext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelinearizeBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"SEARCH_N4096", "SEARCH_N8192"})
    void relinearisedProductIsXTimesY(String preset) {
        CkksFixture f = FixtureCache.of(preset);
        Ciphertext out = new RelinearizeBenchmark().relinearize(f);
        assertEquals(1, out.degree());
        FixtureCache.assertClose(FixtureCache.times(f.x, f.y), f.decrypt(out), 20, "relinearise");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SEARCH_N4096", "SEARCH_N8192"})
    void fusedFinishIsXTimesYOneLevelDown(String preset) {
        CkksFixture f = FixtureCache.of(preset);
        Ciphertext out = new RelinearizeBenchmark().relinearizeAndRescale(f);
        assertEquals(1, out.degree());
        assertEquals(f.params.maxLevel() - 1, out.level());
        FixtureCache.assertClose(FixtureCache.times(f.x, f.y), f.decrypt(out), 20, "relinearize and rescale");
    }
}
