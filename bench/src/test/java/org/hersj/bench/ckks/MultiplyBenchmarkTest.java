package org.hersj.bench.ckks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.hersj.fhe.ckks.Ciphertext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MultiplyBenchmarkTest {
    @ParameterizedTest
    @ValueSource(strings = {"SEARCH_N4096", "SEARCH_N8192"})
    void productsAreXTimesY(String preset) {
        CkksFixture f = FixtureCache.of(preset);
        MultiplyBenchmark benchmark = new MultiplyBenchmark();
        double[] xy = FixtureCache.times(f.x, f.y);
        Ciphertext relinearised = benchmark.multiplyRelinearize(f);
        assertEquals(1, relinearised.degree());
        FixtureCache.assertClose(xy, f.decrypt(relinearised), 20, "multiply + relinearise");
        Ciphertext degree2 = benchmark.multiplyNoRelin(f);
        assertEquals(2, degree2.degree());
        FixtureCache.assertClose(xy, f.decrypt(degree2), 20, "multiply without relinearisation");
        f.accumulator.poly(0).clear();
        f.accumulator.poly(1).clear();
        f.accumulator.poly(2).clear();
        benchmark.multiplyAccumulate(f);
        Ciphertext twice = benchmark.multiplyAccumulate(f);
        double[] twoXy = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            twoXy[i] = 2 * xy[i];
        }
        FixtureCache.assertClose(twoXy, f.decrypt(twice), 20, "two multiply-accumulates");
        Ciphertext thrice = benchmark.multiplyAccumulatePrepared(f);
        double[] threeXy = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            threeXy[i] = 3 * xy[i];
        }
        FixtureCache.assertClose(threeXy, f.decrypt(thrice), 20, "plus one prepared multiply-accumulate");
        double[] manyXy = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            manyXy[i] = CkksFixture.TERMS * xy[i];
        }
        // TERMS identical products: their noise adds coherently, TERMS = 2^5 times one product's
        FixtureCache.assertClose(manyXy, f.decrypt(benchmark.innerProduct(f)), 15, "inner product of TERMS products");
    }
}
