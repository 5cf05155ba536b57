package org.hersj.bench.ring;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.hersj.fhe.arith.Modulus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NttBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"SEARCH_N4096", "SEARCH_N8192"})
    void forwardEvaluatesAndInverseRestores(String preset) {
        NttBenchmark benchmark = new NttBenchmark();
        benchmark.preset = preset;
        benchmark.setUp();
        long[] original = benchmark.limb.clone();
        long[] evaluations = benchmark.forward().clone();
        assertNotEquals(original[0], evaluations[0]);
        // slot 0 holds the evaluation at psi^(2 bitrev(0) + 1) = psi
        Modulus m = benchmark.tables.modulus();
        long value = 0;
        for (int k = original.length - 1; k >= 0; k--) {
            value = m.add(m.mul(value, benchmark.tables.psi()), original[k]);
        }
        assertEquals(value, evaluations[0]);
        assertArrayEquals(original, benchmark.inverse());
    }
}
