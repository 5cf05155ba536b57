package org.hersj.fhe.openfhe.jni;

import org.hersj.fhe.ckks.CkksPresets;

/**
 * Run in a JVM without {@code OMP_NUM_THREADS} by {@link OpenMpThreadLimitTest}: prints OpenFHE's
 * per-operation OpenMP thread limit before and after building a context with the default settings.
 */
public final class ThreadLimitWorker {

    private ThreadLimitWorker() {}

    /** Entry point; prints "before after". */
    public static void main(String[] args) {
        OpenFheLibrary.requireLoaded();
        int before = OpenFheShim.openFheThreadLimit();
        OpenFheKeys.generate(OpenFheParameters.from(CkksPresets.SEARCH_N4096, OpenFheSettings.DEFAULT));
        System.out.println(before + " " + OpenFheShim.openFheThreadLimit());
    }
}
