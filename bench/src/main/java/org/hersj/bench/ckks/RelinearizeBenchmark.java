package org.hersj.bench.ckks;

import java.util.concurrent.TimeUnit;
import org.hersj.fhe.ckks.Ciphertext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Relinearisation of a degree-2 product at the top level (hybrid key switching). */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RelinearizeBenchmark {
    /** @return the relinearised product */
    @Benchmark
    public Ciphertext relinearize(CkksFixture f) {
        f.evaluator.relinearize(f.product2, f.out1);
        return f.out1;
    }

    /** @return the product relinearised and rescaled in one step (the search's once-per-block finish) */
    @Benchmark
    public Ciphertext relinearizeAndRescale(CkksFixture f) {
        f.evaluator.relinearizeAndRescale(f.product2, f.out1);
        return f.out1;
    }
}
