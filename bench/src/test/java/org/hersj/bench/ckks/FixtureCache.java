package org.hersj.bench.ckks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.hersj.fhe.ckks.PrecisionStats;

/** Builds each preset's fixture once per test JVM, as JMH would per trial. */
final class FixtureCache {
    private static final Map<String, CkksFixture> FIXTURES = new HashMap<>();

    private FixtureCache() {
    }

    static synchronized CkksFixture of(String preset) {
        return FIXTURES.computeIfAbsent(preset, p -> {
            CkksFixture f = new CkksFixture();
            f.preset = p;
            f.setUp();
            return f;
        });
    }

    static double[] times(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] * b[i];
        }
        return out;
    }

    static void assertClose(double[] expected, double[] actual, double minBits, String what) {
        PrecisionStats stats = PrecisionStats.of(expected, actual);
        assertTrue(stats.minBits() >= minBits, what + ": " + stats);
    }
}
