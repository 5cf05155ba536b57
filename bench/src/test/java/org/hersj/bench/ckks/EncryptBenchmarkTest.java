package org.hersj.bench.ckks;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"SEARCH_N4096", "SEARCH_N8192"})
    void encryptsX(String preset) {
        CkksFixture f = FixtureCache.of(preset);
        FixtureCache.assertClose(f.x, f.decrypt(new EncryptBenchmark().encryptPublicKey(f)), 20, "Dec(Enc(x))");
    }
}
