package org.hersj.fhe.ckks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named, vetted parameter sets (128-bit classical security, HomomorphicEncryption.org table).
 *
 * <p>The search workload is one ciphertext product per dimension, accumulated, relinearised once and
 * rescaled once, so its sets have two q primes: q_1 is divided out by the rescale and q_0 holds the scores.
 */
public final class CkksPresets {
    /**
     * N = 4096 (2048 slots), log2(QP) = 46 + 38 + 25 = 109, the whole 128-bit budget.
     * <ul>
     * <li>q_0: 46 bits, holds scores at scale ~2^38 with 2^7 headroom;</li>
     * <li>q_1: 38 bits = the scale: one rescale;</li>
     * <li>P: 25 bits; relinearisation uses two one-prime digits, its noise (~2^36 per slot) lands at the product
     * scale 2^76 and vanishes in the rescale; rotation keys split residues further into 24-bit words
     * ({@link CkksParameters#rotationDecompositionBits()}), so rotations keep ~21 bits at scale 2^38;</li>
     * <li>scale 2^38: fresh noise ~2^-25 per slot; scores of unit vectors carry errors ~1e-7 after a
     * 512-product multiply-accumulate, relinearise and rescale.</li>
     * </ul>
     */
    public static final CkksParametersLiteral SEARCH_N4096 = new CkksParametersLiteral(12, List.of(46, 38),
            List.of(25), 38, SecurityLevel.BITS_128, false);

    /**
     * N = 8192 (4096 slots), log2(QP) = 60 + 41 + 60 = 161 &lt;= 218: the moduli of the OpenFHE comparison
     * (Q = 60 + 41 bits, hybrid key switching with one 60-bit special prime).
     * <ul>
     * <li>q_0: 60 bits, holds scores at scale ~2^41;</li>
     * <li>q_1: 41 bits = the scale: one rescale;</li>
     * <li>P: 60 bits; key-switching noise ~2^15 per slot, 2^-26 relative at scale 2^41, so rotations are
     * accurate to ~24 bits too;</li>
     * <li>scale 2^41: fresh noise ~2^-27 per slot; search scores accurate to ~1e-8.</li>
     * </ul>
     */
    public static final CkksParametersLiteral SEARCH_N8192 = new CkksParametersLiteral(13, List.of(60, 41),
            List.of(60), 41, SecurityLevel.BITS_128, false);

    /**
     * N = 16384 (8192 slots), depth 7, log2(QP) = 50 + 7 * 40 + 2 * 54 = 438, the whole 128-bit budget.
     * <ul>
     * <li>q_0: 50 bits (10 bits of headroom over the scale); seven 40-bit rescaling primes, scale 2^40;</li>
     * <li>P: two 54-bit primes (108 bits), key-switching digits of two q primes (at most 90 bits), so
     * key-switching noise is far below the encryption noise (about 22 bits of precision throughout).</li>
     * </ul>
     */
    public static final CkksParametersLiteral DEEP_N16384 = new CkksParametersLiteral(14,
            List.of(50, 40, 40, 40, 40, 40, 40, 40), List.of(54, 54), 40, SecurityLevel.BITS_128, false);

    private static final Map<String, CkksParametersLiteral> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("SEARCH_N4096", SEARCH_N4096);
        BY_NAME.put("SEARCH_N8192", SEARCH_N8192);
        BY_NAME.put("DEEP_N16384", DEEP_N16384);
    }

    private CkksPresets() {
    }

    /** @return the preset names, in declaration order */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * @param name a preset name, e.g. {@code SEARCH_N8192} (case-insensitive)
     * @return the validated parameters
     * @throws IllegalArgumentException listing the known names
     */
    public static CkksParameters byName(String name) {
        CkksParametersLiteral literal = name == null ? null : BY_NAME.get(name.trim().toUpperCase(java.util.Locale.ROOT));
        if (literal == null) {
            throw new IllegalArgumentException("unknown CKKS preset '" + name + "'; known presets: " + names());
        }
        return CkksParameters.of(literal);
    }
}
