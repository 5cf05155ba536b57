package org.hersj.fhe.ckks;

/**
 * Whether the search's block product runs in SIMD lanes ({@link SimdInnerProduct}): when the JVM was started
 * with {@code --add-modules jdk.incubator.vector} (as {@code hers} and the test runs are), its preferred vectors
 * have 512 bits, and {@code -Dhersj.scalarKernels=true} (for A/B measurements) is not set. Otherwise, and
 * for primes of 50 bits or more, the scalar Shoup kernel runs; both give the same residues.
 */
final class SimdSupport {
    /** Decided once per JVM. */
    static final boolean ENABLED = decide();

    private SimdSupport() {
    }

    private static boolean decide() {
        if (Boolean.getBoolean("hersj.scalarKernels")
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return SimdInnerProduct.available();
        } catch (LinkageError e) { // a JDK whose incubating API differs: keep the scalar kernel
            return false;
        }
    }

    /** @return the block product's kernel in this JVM, for reports: "simd-512 (Vector API)" or "scalar" */
    static String kernel() {
        return ENABLED ? "simd-512 (Vector API)" : "scalar";
    }
}
