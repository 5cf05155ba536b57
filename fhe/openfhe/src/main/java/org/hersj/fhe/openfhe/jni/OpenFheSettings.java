package org.hersj.fhe.openfhe.jni;

/**
 * How the OpenFHE backend uses OpenFHE, beyond the CKKS parameters it shares with our engine.
 *
 * @param keySwitching key-switching technique for relinearisation and rotations
 * @param bvDigitBits  BV decomposition base in bits (ignored for HYBRID); 0 makes one digit per RNS
 *                     limb, which is fast but measured here to cost about 15 bits of precision
 * @param openMpThreads OpenMP threads inside each OpenFHE operation, per calling Java thread; 1 is
 *                     right whenever the search itself runs one Java thread per core
 */
public record OpenFheSettings(KeySwitching keySwitching, int bvDigitBits, int openMpThreads) {

    /** Automatic key switching (HYBRID where it fits), 30-bit BV digits, one OpenMP thread per Java thread. */
    public static final OpenFheSettings DEFAULT = new OpenFheSettings(KeySwitching.AUTO, 30, 1);

    /** Key-switching techniques of OpenFHE the backend supports. */
    public enum KeySwitching {
        /**
         * HYBRID when the parameters ask for special primes (logP not empty) and Q plus OpenFHE's 60-bit
         * special prime still fits the security level (e.g. SEARCH_N8192); BV otherwise (e.g.
         * SEARCH_N4096, whose 109-bit budget leaves no room for a 60-bit prime).
         */
        AUTO,
        /**
         * Brakerski-Vaikuntanathan: no special primes, so log2(QP) = log2(Q) and our engine's security
         * budget always suffices.
         */
        BV,
        /**
         * Hybrid: OpenFHE adds its own 60-bit special primes (it cannot take our logP), which does not
         * fit 128-bit security at N = 4096.
         */
        HYBRID
    }

    /** Validates the settings. */
    public OpenFheSettings {
        if (keySwitching == null) {
            throw new IllegalArgumentException("OpenFHE keySwitching must be AUTO, BV or HYBRID, got null");
        }
        if (bvDigitBits < 0 || bvDigitBits > 60) {
            throw new IllegalArgumentException("OpenFHE bvDigitBits must be in 0..60, got " + bvDigitBits);
        }
        if (openMpThreads < 1) {
            throw new IllegalArgumentException("OpenFHE openMpThreads must be at least 1, got " + openMpThreads);
        }
    }
}
