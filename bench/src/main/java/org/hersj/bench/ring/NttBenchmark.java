package org.hersj.bench.ring;

import java.util.concurrent.TimeUnit;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.NttTables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Forward and inverse negacyclic NTT of one limb modulo q_0 of a preset. */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NttBenchmark {
    /** Preset name (see {@link CkksPresets}). */
    @Param({"SEARCH_N4096", "SEARCH_N8192"})
    public String preset;

    /** Tables of q_0. */
    public NttTables tables;
    /** The limb transformed in place. */
    public long[] limb;

    /** Builds the tables and a limb of pseudo-random residues. */
    @Setup(Level.Trial)
    public void setUp() {
        CkksParameters params = CkksPresets.byName(preset);
        tables = params.ring().ntt(0);
        limb = new long[params.ringDegree()];
        long q = params.qModulus(0);
        for (int i = 0; i < limb.length; i++) {
            limb[i] = Math.floorMod(i * 0x9E3779B97F4A7C15L, q);
        }
    }

    /** @return the limb after a forward transform */
    @Benchmark
    public long[] forward() {
        tables.forward(limb);
        return limb;
    }

    /** @return the limb after an inverse transform */
    @Benchmark
    public long[] inverse() {
        tables.inverse(limb);
        return limb;
    }
}
