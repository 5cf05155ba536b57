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
        FixtureCache.assertClose(expected, f.decrypt(new RotateBenchmark().rotate(f)), 20, "rotate by 1");
    }
}
