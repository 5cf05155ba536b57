package org.hersj.bench.ckks;

import java.util.concurrent.TimeUnit;
import org.hersj.fhe.ckks.Plaintext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Encoding N/2 real values at the top level (FFT, rounding, one NTT per prime). */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncodeBenchmark {
    /** @return the encoded plaintext */
    @Benchmark
    public Plaintext encode(CkksFixture f) {
        f.encoder.encode(f.x, f.params.maxLevel(), f.params.defaultScale(), f.plainOut);
        return f.plainOut;
    }
}
