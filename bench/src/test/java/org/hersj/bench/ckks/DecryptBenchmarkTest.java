package org.hersj.bench.ckks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecryptBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"SEARCH_N4096", "SEARCH_N8192"})
    void decryptsX(String preset) {
        CkksFixture f = FixtureCache.of(preset);
        FixtureCache.assertClose(f.x, f.encoder.decode(new DecryptBenchmark().decrypt(f)), 20, "Dec(Enc(x))");
    }
}
