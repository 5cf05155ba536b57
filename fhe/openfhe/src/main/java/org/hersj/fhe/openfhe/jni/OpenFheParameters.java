package org.hersj.fhe.openfhe.jni;

import java.util.List;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.openfhe.jni.OpenFheSettings.KeySwitching;

/**
 * HERS-J's CKKS parameter literal translated into what OpenFHE's CKKS context takes.
 *
 * <p>Translation rules: ring dimension 2^logN; multiplicative depth = logQ.size() - 1; OpenFHE's first
 * modulus = logQ[0]; OpenFHE uses one bit size for all further ("scaling") primes and a scale of
 * exactly 2^that size, so logQ[1..] must all equal logScale; security level as given, or "not set"
 * when the literal allows insecure parameters; logP only decides the key-switching technique under
 * {@link KeySwitching#AUTO} (BV has no special primes, HYBRID lets OpenFHE choose its own 60-bit ones).
 * OpenFHE's primes differ from ours, so ciphertexts never cross engines.
 *
 * @param ringDimension N
 * @param multiplicativeDepth number of rescales available (L)
 * @param firstModulusBits bits of q_0
 * @param scaleBits bits of each scaling prime and of the scale
 * @param securityBits 128, 192, 256, or 0 for "not set"
 * @param settings key switching (never AUTO here: resolved by {@link #from}) and threading choices
 */
public record OpenFheParameters(int ringDimension, int multiplicativeDepth, int firstModulusBits,
        int scaleBits, int securityBits, OpenFheSettings settings) {

    /** OpenFHE's native integers are 64-bit; its primes stay below 2^60. */
    public static final int MAX_PRIME_BITS = 60;

    /** Bits of each special prime OpenFHE adds for HYBRID key switching (its AUXMODSIZE). */
    public static final int OPENFHE_SPECIAL_PRIME_BITS = 60;

    /** Validates the translated parameters. */
    public OpenFheParameters {
        if (ringDimension < 1024 || Integer.bitCount(ringDimension) != 1) {
            throw new IllegalArgumentException("OpenFHE ring dimension must be a power of two >= 1024, got "
                    + ringDimension);
        }
        if (multiplicativeDepth < 1) {
            throw new IllegalArgumentException("OpenFHE backend needs multiplicative depth >= 1 (logQ with at"
                    + " least two primes) for the search's one product, got " + multiplicativeDepth);
        }
        checkPrimeBits("logQ[0]", firstModulusBits);
        checkPrimeBits("logScale", scaleBits);
        if (securityBits != 0 && securityBits != 128 && securityBits != 192 && securityBits != 256) {
            throw new IllegalArgumentException("securityBits must be 0, 128, 192 or 256, got " + securityBits);
        }
        if (settings == null || settings.keySwitching() == KeySwitching.AUTO) {
            throw new IllegalArgumentException("OpenFHE settings must name BV or HYBRID key switching, got "
                    + settings);
        }
    }

    /**
     * Translates one of our parameter literals.
     *
     * @throws IllegalArgumentException naming the literal's field that OpenFHE cannot express
     */
    public static OpenFheParameters from(CkksParametersLiteral literal, OpenFheSettings settings) {
        List<Integer> logQ = literal.logQ();
        if (logQ == null || logQ.size() < 2) {
            throw new IllegalArgumentException("fhe parameters field logQ: the OpenFHE backend needs at least two"
                    + " primes (one multiplication), got " + logQ);
        }
        for (int i = 1; i < logQ.size(); i++) {
            if (logQ.get(i) != literal.logScale()) {
                throw new IllegalArgumentException("fhe parameters field logQ[" + i + "] = " + logQ.get(i)
                        + ": OpenFHE uses one size for every scaling prime, equal to logScale = "
                        + literal.logScale() + "; make logQ[1..] all " + literal.logScale());
            }
        }
        if (literal.logN() < 10 || literal.logN() > 17) {
            throw new IllegalArgumentException("fhe parameters field logN must be in 10..17 for OpenFHE, got "
                    + literal.logN());
        }
        return new OpenFheParameters(1 << literal.logN(), logQ.size() - 1, logQ.get(0), literal.logScale(),
                literal.allowInsecure() ? 0 : securityBits(literal.security()), resolve(literal, settings));
    }

    /**
     * Resolves {@link KeySwitching#AUTO}: HYBRID if the literal asks for special primes and log2(Q), plus
     * OpenFHE's one extra bit and its {@value #OPENFHE_SPECIAL_PRIME_BITS}-bit special prime, fits the
     * security level's log2(QP) budget; BV otherwise.
     */
    static OpenFheSettings resolve(CkksParametersLiteral literal, OpenFheSettings settings) {
        if (settings.keySwitching() != KeySwitching.AUTO) {
            return settings;
        }
        int logQ = literal.logQ().stream().mapToInt(Integer::intValue).sum();
        boolean wantsSpecialPrimes = literal.logP() != null && !literal.logP().isEmpty();
        boolean fits = literal.allowInsecure() || literal.security() == null
                || logQ + 1 + OPENFHE_SPECIAL_PRIME_BITS <= literal.security().maxLogQP(literal.logN());
        KeySwitching chosen = wantsSpecialPrimes && fits ? KeySwitching.HYBRID : KeySwitching.BV;
        return new OpenFheSettings(chosen, settings.bvDigitBits(), settings.openMpThreads());
    }

    /** Number of slots (N/2). */
    public int slots() {
        return ringDimension / 2;
    }

    /**
     * A short one-line description for file headers and tables, e.g.
     * {@code N=4096 logQ=46+38 scale=2^38 128-bit BV30} (the engine name says it is OpenFHE).
     */
    public String describe() {
        StringBuilder logQ = new StringBuilder().append(firstModulusBits);
        for (int i = 0; i < multiplicativeDepth; i++) {
            logQ.append('+').append(scaleBits);
        }
        KeySwitching ks = settings.keySwitching();
        return "N=" + ringDimension + " logQ=" + logQ + " scale=2^" + scaleBits + " "
                + (securityBits == 0 ? "insecure" : securityBits + "-bit") + " "
                + (ks == KeySwitching.BV ? "BV" + settings.bvDigitBits() : ks.name());
    }

    private static int securityBits(SecurityLevel level) {
        if (level == null) {
            throw new IllegalArgumentException("fhe parameters field security is missing");
        }
        return switch (level) {
            case BITS_128 -> 128;
            case BITS_192 -> 192;
            case BITS_256 -> 256;
        };
    }

    private static void checkPrimeBits(String field, int bits) {
        if (bits < 20 || bits > MAX_PRIME_BITS) {
            throw new IllegalArgumentException("fhe parameters field " + field + " = " + bits
                    + ": OpenFHE needs primes of 20.." + MAX_PRIME_BITS + " bits");
        }
    }
}
