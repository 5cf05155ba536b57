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

    /**
     * N = 4096 (2048 slots), one 60-bit prime and no special prime: log2(QP) = 60 &lt;= 109. Sized for the
     * search's degree-2 scores (no relinearisation, no rescale, no evaluation keys at all); a gallery
     * ciphertext is 2 x 4096 residues of 60 bits, 240 bytes per 16-d item (two items per complex slot).
     * <ul>
     * <li>scale 2^28: a degree-2 score of unit vectors is at most sqrt(2) x 2^56 in every coefficient (two
     * scores per complex slot), below q/2 &gt;= 2^58;</li>
     * <li>score errors (see {@link #maxScoreError}) ~5e-6 for galleries the key owner encrypts with the secret
     * key; a public-key gallery's are ~50x larger.</li>
     * </ul>
     */
    public static final CkksParametersLiteral LITE_N4096 = new CkksParametersLiteral(12, List.of(60), List.of(),
            28, SecurityLevel.BITS_128, false);

    /**
     * N = 2048 (1024 slots), one 54-bit prime (the whole 128-bit budget at this N) and no special prime;
     * degree-2 scores only, 216 bytes per 16-d item. Scale 2^25 (degree-2 scores below sqrt(2) x 2^50 &lt;
     * q/2 &gt;= 2^52). Score errors ~3e-5 for owner-encrypted galleries (public-key galleries ~20x more).
     */
    public static final CkksParametersLiteral LITE_N2048 = new CkksParametersLiteral(11, List.of(54), List.of(),
            25, SecurityLevel.BITS_128, false);

    private static final Map<String, CkksParametersLiteral> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("LITE_N2048", LITE_N2048);
        BY_NAME.put("LITE_N4096", LITE_N4096);
        BY_NAME.put("SEARCH_N4096", SEARCH_N4096);
        BY_NAME.put("SEARCH_N8192", SEARCH_N8192);
        BY_NAME.put("DEEP_N16384", DEEP_N16384);
    }

    /**
     * Largest absolute error of search scores (inner products of unit vectors, d = 16, 10^6 items) measured
     * per search preset, rounded up about 2x, for galleries encrypted by the key owner (secret key) and by an
     * enroller with the public key; lightest first (gallery bytes per item grow with the sum of logQ).
     * Measured with {@code hers bench search} and the public-key variant (bench/README.md). DEEP_N16384 is
     * not a search preset and is not listed.
     */
    private static final List<ScorePrecision> SCORE_PRECISION = List.of(
            new ScorePrecision("LITE_N2048", 5e-5, 3e-3, false),
            new ScorePrecision("LITE_N4096", 1e-5, 1e-3, false),
            new ScorePrecision("SEARCH_N4096", 2e-7, 1e-6, true),
            new ScorePrecision("SEARCH_N8192", 2e-8, 2e-7, true));

    /**
     * A preset's measured score precision.
     *
     * @param preset the preset name
     * @param ownerGallery largest score error with a gallery the key owner encrypted (secret key)
     * @param publicKeyGallery largest score error with a gallery encrypted with the public key
     * @param keySwitching whether the preset has relinearisation and rotation keys (two-stage search,
     *        the plaintext-probe mode and the Boddeti 2018 baseline need them)
     */
    public record ScorePrecision(String preset, double ownerGallery, double publicKeyGallery, boolean keySwitching) {
        /** @return the error bound for the given kind of gallery encryption */
        public double error(boolean publicKeyGallery) {
            return publicKeyGallery ? this.publicKeyGallery : ownerGallery;
        }
    }

    private CkksPresets() {
    }

    /** @return the measured score precision of every search preset, lightest first */
    public static List<ScorePrecision> scorePrecisions() {
        return SCORE_PRECISION;
    }

    /**
     * The lightest search preset (smallest gallery) whose measured score error is at most {@code precision}.
     *
     * @param precision largest acceptable absolute score error, in (0, 1)
     * @param publicKeyGallery true if the gallery will be encrypted with the public key (noisier) rather
     *        than by the key owner
     * @param needsKeySwitching true if relinearisation or rotation keys are needed
     * @return the preset name
     * @throws IllegalArgumentException if no preset reaches the precision, naming the best one
     */
    public static String lightestFor(double precision, boolean publicKeyGallery, boolean needsKeySwitching) {
        if (!(precision > 0 && precision < 1)) {
            throw new IllegalArgumentException("score precision " + precision + " must be in (0, 1), e.g. 1e-4");
        }
        ScorePrecision best = null;
        for (ScorePrecision p : SCORE_PRECISION) {
            if (needsKeySwitching && !p.keySwitching()) {
                continue;
            }
            if (p.error(publicKeyGallery) <= precision) {
                return p.preset();
            }
            best = p;
        }
        throw new IllegalArgumentException("no CKKS preset reaches score precision " + precision + " for "
                + (publicKeyGallery ? "a public-key" : "a key-owner") + " gallery; the most precise, " + best.preset()
                + ", gives " + best.error(publicKeyGallery) + "; ask for " + best.error(publicKeyGallery) + " or more");
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
