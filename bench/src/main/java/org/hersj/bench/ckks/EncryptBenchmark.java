package org.hersj.bench.ckks;

import java.util.concurrent.TimeUnit;
import org.hersj.fhe.ckks.Ciphertext;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/** Public-key encryption of an encoded plaintext (sampling u, e0, e1 and their NTTs included). */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncryptBenchmark {
    /** @return the fresh ciphertext */
    @Benchmark
    public Ciphertext encryptPublicKey(CkksFixture f) {
        f.encryptor.encrypt(f.plainX, f.out1);
        return f.out1;
    }
}
