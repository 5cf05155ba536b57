package org.hersj.fhe.ckks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
     * N = 4096 (2048 slots), one 59-bit prime q and one 50-bit special prime P: log2(QP) = 109, the whole 128-bit
     * budget. Sized for the search's degree-2 scores (no relinearisation, no rescale); a gallery ciphertext is
     * 2 x 4096 residues of 59 bits, 236 bytes per 16-d item (two items per complex slot).
     * <ul>
     * <li>scale 2^28: a degree-2 score of unit vectors is at most sqrt(2) x 2^56 in every coefficient (two
     * scores per complex slot), below q/2 &gt;= 2^58;</li>
     * <li>P is there for public-key encryption: over QP, then divided by P ({@link PublicKey#extended()}), which
     * leaves a public-key gallery with the rounding noise only, about 15x less than over Q; with one q prime the
     * preset offers no key switching ({@link CkksParameters#supportsKeySwitching()}), so its keys are the secret
     * and public key only;</li>
     * <li>score errors (see {@link #scoreError}) ~5e-6 for galleries the key owner encrypts with the secret
     * key and ~3e-5 for public-key galleries.</li>
     * </ul>
     */
    public static final CkksParametersLiteral LITE_N4096 = new CkksParametersLiteral(12, List.of(59), List.of(50),
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
     * enroller with the public key; lightest first (gallery bytes per item grow with the sum of logQ). The
     * SEARCH presets encrypt with the public key over QP and divide by P ({@link PublicKey#extended()}):
     * measured 2.4e-8 (SEARCH_N4096) and 5.4e-9 (SEARCH_N8192) over 4 x 10^5 scores, 12-14x below keys over Q,
     * so both kinds of gallery share the key owner's bound (its relinearised form reaches 2.4e-8 / 7.5e-9).
     * Measured with {@code hers bench search} and the public-key variant (bench/README.md). DEEP_N16384 is
     * not a search preset and is not listed.
     */
    private static final List<ScorePrecision> SCORE_PRECISION = List.of(
            new ScorePrecision("LITE_N2048", 5e-5, 3e-3, false),
            new ScorePrecision("LITE_N4096", 1e-5, 6e-5, false),
            new ScorePrecision("SEARCH_N4096", 2e-7, 2e-7, true),
            new ScorePrecision("SEARCH_N8192", 2e-8, 2e-8, true));

    /**
     * A preset's measured score precision.
     *
     * @param preset the preset name
     * @param ownerGallery largest score error with a gallery the key owner encrypted (secret key)
     * @param publicKeyGallery largest score error with a gallery encrypted with the public key
     * @param keySwitching whether the preset offers relinearisation and rotation keys
     *        ({@link CkksParameters#supportsKeySwitching()}; two-stage search, the plaintext-probe mode and the
     *        Boddeti 2018 baseline need them)
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

    /** The score precision asked for when a command or config names neither a preset nor a precision. */
    public static final double DEFAULT_PRECISION = 1e-4;

    /** Standard deviations between a flooded score's error bound and the flooding's standard deviation. */
    private static final double FLOODING_TAIL = 6;

    /**
     * The largest score error of {@code preset}: its measured error plus, when decryptions are flooded, six
     * standard deviations of the flooding ({@link NoiseFlooding}, sized from {@link ScoreNoise}).
     *
     * @param preset a search preset ({@link #scorePrecisions()})
     * @param publicKeyGallery whether the gallery is encrypted with the public key rather than by the key owner
     * @param floodingBits the flooding bits of the key owner's decryptions, or a negative number for none
     * @throws IllegalArgumentException if the preset is not a search preset
     */
    public static double scoreError(String preset, boolean publicKeyGallery, int floodingBits) {
        return scoreError(measured(preset), publicKeyGallery, floodingBits);
    }

    private static double scoreError(ScorePrecision measured, boolean publicKeyGallery, int floodingBits) {
        double error = measured.error(publicKeyGallery);
        if (floodingBits >= 0) {
            error += FLOODING_TAIL * Math.scalb(ScoreNoise.of(BY_NAME.get(measured.preset())).scoreStd(true), floodingBits);
        }
        return error;
    }

    private static ScorePrecision measured(String preset) {
        return lookUpMeasured(preset)
                .orElseThrow(() -> new IllegalArgumentException("preset " + preset + " has no measured score precision;"
                        + " name a search preset: " + SCORE_PRECISION.stream().map(ScorePrecision::preset).toList()));
    }

    private static Optional<ScorePrecision> lookUpMeasured(String preset) {
        String name = preset == null ? "" : preset.trim().toUpperCase(java.util.Locale.ROOT);
        return SCORE_PRECISION.stream().filter(p -> p.preset().equals(name)).findFirst();
    }

    /** Largest flooded score error a named preset may have without a precision: beyond it rankings break. */
    private static final double RANKING_SAFE_ERROR = 1e-3;

    /**
     * The preset of a command or config: the named one (checked against the precision, if one is asked
     * for), else the lightest meeting {@code precision}, else the lightest meeting {@link #DEFAULT_PRECISION}.
     * Every check counts the noise flooding of the key owner's decryptions.
     *
     * @param preset the named preset, or null
     * @param precision the largest acceptable score error, or null
     * @param publicKeyGallery whether the gallery is encrypted with the public key rather than by the key owner
     * @param needsKeySwitching whether relinearisation or rotation keys are needed
     * @param floodingBits the flooding bits of the key owner's decryptions, or a negative number for none
     * @return the preset name
     * @throws IllegalArgumentException naming what to change when the named preset is unknown, lacks key
     *         switching, misses the precision, or (with flooding and no precision) gives scores too noisy to
     *         rank; or when no preset meets the precision
     */
    public static String choose(String preset, Double precision, boolean publicKeyGallery, boolean needsKeySwitching,
            int floodingBits) {
        if (preset == null) {
            return lightestFor(precision == null ? DEFAULT_PRECISION : precision, publicKeyGallery, needsKeySwitching,
                    floodingBits);
        }
        CkksParameters named = byName(preset);
        String name = preset.trim().toUpperCase(java.util.Locale.ROOT);
        if (needsKeySwitching && !named.supportsKeySwitching()) {
            throw new IllegalArgumentException("preset " + name + " makes degree-two scores only (one q prime, so"
                    + " no relinearisation or rotation keys); two-stage, plaintext-probe, the Boddeti baseline and"
                    + " engines without degree-two-only presets need SEARCH_N4096 or SEARCH_N8192");
        }
        Optional<ScorePrecision> measured = lookUpMeasured(name);
        if (measured.isEmpty()) {
            if (precision != null) {
                throw new IllegalArgumentException("preset " + name + " has no measured score precision; drop the"
                        + " precision or name a search preset");
            }
            return name;
        }
        double error = scoreError(measured.get(), publicKeyGallery, floodingBits);
        String flooding = floodingBits >= 0 ? " (2^" + floodingBits + " noise flooding included)" : "";
        if (precision != null && error > precision) {
            throw new IllegalArgumentException("preset " + name + " gives score errors up to "
                    + String.format(java.util.Locale.ROOT, "%.2g", error) + flooding + ", more than the precision "
                    + precision + "; " + lighterChoice(precision, publicKeyGallery, needsKeySwitching, floodingBits));
        }
        if (precision == null && error > RANKING_SAFE_ERROR) {
            throw new IllegalArgumentException("preset " + name + " gives score errors up to "
                    + String.format(java.util.Locale.ROOT, "%.2g", error) + flooding + ", too noisy to rank; ask for a"
                    + " precision instead (e.g. 1e-4), or turn noise flooding off where scores never leave the key owner");
        }
        return name;
    }

    private static String lighterChoice(double precision, boolean publicKeyGallery, boolean needsKeySwitching,
            int floodingBits) {
        try {
            return "drop the preset to get " + lightestFor(precision, publicKeyGallery, needsKeySwitching, floodingBits);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * The lightest search preset (smallest gallery) whose score error, flooding included, is at most
     * {@code precision} ({@link #scoreError}).
     *
     * @param precision largest acceptable absolute score error, in (0, 1)
     * @param publicKeyGallery true if the gallery will be encrypted with the public key (noisier) rather
     *        than by the key owner
     * @param needsKeySwitching true if relinearisation or rotation keys are needed
     * @param floodingBits the flooding bits of the key owner's decryptions ({@link NoiseFlooding#DEFAULT_BITS}),
     *        or a negative number for exact decryptions that never leave the key owner
     * @return the preset name
     * @throws IllegalArgumentException if no preset reaches the precision, naming the best one
     */
    public static String lightestFor(double precision, boolean publicKeyGallery, boolean needsKeySwitching,
            int floodingBits) {
        if (!(precision > 0 && precision < 1)) {
            throw new IllegalArgumentException("score precision " + precision + " must be in (0, 1), e.g. 1e-4");
        }
        ScorePrecision best = null;
        for (ScorePrecision p : SCORE_PRECISION) {
            if (needsKeySwitching && !p.keySwitching()) {
                continue;
            }
            if (scoreError(p, publicKeyGallery, floodingBits) <= precision) {
                return p.preset();
            }
            best = p;
        }
        double bestError = scoreError(best, publicKeyGallery, floodingBits);
        throw new IllegalArgumentException("no CKKS preset reaches score precision " + precision + " for "
                + (publicKeyGallery ? "a public-key" : "a key-owner") + " gallery"
                + (floodingBits >= 0 ? " with 2^" + floodingBits + " noise flooding" : "") + "; the most precise, "
                + best.preset() + ", gives " + String.format(java.util.Locale.ROOT, "%.2g", bestError) + "; ask for "
                + String.format(java.util.Locale.ROOT, "%.1g", bestError * 1.5) + " or more"
                + (floodingBits > 0 ? ", or flood fewer bits" : ""));
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
