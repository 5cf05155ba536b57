package org.hersj.bench.ckks;

import java.util.concurrent.TimeUnit;
import org.hersj.fhe.ckks.Ciphertext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Rotation by one slot of a fresh ciphertext at the top level (automorphism + key switching). */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RotateBenchmark {
    /** @return Enc(x) rotated left by one slot */
    @Benchmark
    public Ciphertext rotate(CkksFixture f) {
        f.evaluator.rotate(f.cipherX, 1, f.out1);
        return f.out1;
    }
}
