package org.hersj.bench.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hersj.fhe.ckks.Ciphertext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RescaleBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"SEARCH_N4096", "SEARCH_N8192"})
    void rescaledProductIsXTimesYOneLevelDown(String preset) {
        CkksFixture f = FixtureCache.of(preset);
        Ciphertext out = new RescaleBenchmark().rescale(f);
        assertEquals(f.params.maxLevel() - 1, out.level());
        assertEquals(f.product1.scale() / f.params.qModulus(f.params.maxLevel()), out.scale(), 1e-6 * out.scale());
        FixtureCache.assertClose(FixtureCache.times(f.x, f.y), f.decrypt(out), 20, "rescale");
    }
}
