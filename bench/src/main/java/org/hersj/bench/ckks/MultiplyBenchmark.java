package org.hersj.bench.ckks;

import java.util.concurrent.TimeUnit;
import org.hersj.fhe.ckks.Ciphertext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Ciphertext products at the top level: with relinearisation, without, and the fused accumulate. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class MultiplyBenchmark {
    /** @return Enc(x) * Enc(y), relinearised */
    @Benchmark
    public Ciphertext multiplyRelinearize(CkksFixture f) {
        f.evaluator.multiply(f.cipherX, f.cipherY, f.out1);
        return f.out1;
    }

    /** @return Enc(x) * Enc(y) of degree 2 */
    @Benchmark
    public Ciphertext multiplyNoRelin(CkksFixture f) {
        f.evaluator.multiplyNoRelin(f.cipherX, f.cipherY, f.out2);
        return f.out2;
    }

    /** @return the accumulator after acc += Enc(x) * Enc(y) (the search's inner step) */
    @Benchmark
    public Ciphertext multiplyAccumulate(CkksFixture f) {
        f.evaluator.multiplyAccumulate(f.cipherX, f.cipherY, f.accumulator);
        return f.accumulator;
    }

    /** @return the accumulator after acc += Enc(x) * prepared Enc(y) (Shoup form of a reused probe) */
    @Benchmark
    public Ciphertext multiplyAccumulatePrepared(CkksFixture f) {
        f.evaluator.multiplyAccumulate(f.cipherX, f.preparedY, f.accumulator);
        return f.accumulator;
    }

    /** @return the degree-2 sum of {@link CkksFixture#TERMS} products x * y (one search block of that dimension) */
    @Benchmark
    public Ciphertext innerProduct(CkksFixture f) {
        f.evaluator.innerProduct(f.manyX, f.manyY, CkksFixture.TERMS, f.out2);
        return f.out2;
    }
}
