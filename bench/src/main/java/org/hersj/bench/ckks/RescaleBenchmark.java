package org.hersj.bench.ckks;

import java.util.concurrent.TimeUnit;
import org.hersj.fhe.ckks.Ciphertext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Rescaling a relinearised product from the top level to the one below. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RescaleBenchmark {
    /** @return the rescaled product */
    @Benchmark
    public Ciphertext rescale(CkksFixture f) {
        f.evaluator.rescale(f.product1, f.out1);
        return f.out1;
    }
}
