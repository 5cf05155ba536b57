package org.hersj.bench.ckks;

import java.util.concurrent.TimeUnit;
import org.hersj.fhe.ckks.Plaintext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Decryption of a degree-1 ciphertext at the top level (to a plaintext; decoding not included). */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class DecryptBenchmark {
    /** @return the plaintext */
    @Benchmark
    public Plaintext decrypt(CkksFixture f) {
        f.decryptor.decrypt(f.cipherX, f.plainOut);
        return f.plainOut;
    }
}
