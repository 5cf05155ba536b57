package org.hersj.bench.ckks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RotateBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"SEARCH_N4096", "SEARCH_N8192"})
    void rotatesXLeftByOne(String preset) {
        CkksFixture f = FixtureCache.of(preset);
        double[] expected = new double[f.x.length];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = f.x[(i + 1) % expected.length];
        }
        // A rotation adds key-switching noise on top of the fresh encryption's; with keys and noise from a
        // SecureRandom the worst of the N/2 slots varies from run to run (seen down to 19.9 bits, 1.05e-6, at
        // SEARCH_N4096), so the bound is 18 bits (3.8e-6): still far below what a wrong rotation gives (~1 bit).
        FixtureCache.assertClose(expected, f.decrypt(new RotateBenchmark().rotate(f)), 18, "rotate by 1");
    }
}
