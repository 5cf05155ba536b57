package org.hersj.bench.ckks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncodeBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"SEARCH_N4096", "SEARCH_N8192"})
    void encodesX(String preset) {
        CkksFixture f = FixtureCache.of(preset);
        double[] decoded = f.encoder.decode(new EncodeBenchmark().encode(f));
        FixtureCache.assertClose(f.x, decoded, 30, "decode(encode(x))");
    }
}
