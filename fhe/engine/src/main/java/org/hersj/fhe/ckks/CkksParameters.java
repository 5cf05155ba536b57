package org.hersj.fhe.ckks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.arith.NttPrimes;
import org.hersj.fhe.ring.RnsRing;

/**
 * Validated, immutable CKKS parameters: the literal, the generated primes (q_0 .. q_L, then p_0 .. p_{K-1}),
 * the ring over all of them and the precomputed tables of rescaling and key switching.
 *
 * <p>Validation: log2 N in [3, {@value #MAX_LOG_N}] and in the security table (10 .. 15) unless insecure,
 * at most {@value #MAX_PRIMES} primes, prime sizes in [logN + 2, 60], a scale below q_0,
 * and log2(QP) (the sum of the prime bit sizes) at most the
 * HomomorphicEncryption.org limit for N and the chosen {@link SecurityLevel}. Parameters that break only
 * the security rules are accepted when {@code allowInsecure} is set, with a warning on standard error.
 *
 * <p>Without special primes ({@code logP} empty) there is no key switching: no relinearisation or rotation
 * keys, so products stay of degree 2 and are decrypted with s and s^2 (the search presets of one prime).
 *
 * <p>Key switching is hybrid: the q primes are grouped into digits of K = logP.size() consecutive primes;
 * its noise is about sqrt(digits) * N * sigma * max(digit) / P before it is added at the ciphertext's scale.
 */
public final class CkksParameters {
    /** Largest log2 N accepted (2^16: a file cannot make the engine allocate rings beyond it). */
    public static final int MAX_LOG_N = 16;
    /** Most primes (q and special primes together) accepted, bounding key and ciphertext sizes. */
    public static final int MAX_PRIMES = 32;
    private final CkksParametersLiteral literal;
    private final long[] qPrimes;
    private final long[] pPrimes;
    private final RnsRing ring;
    private final String fingerprint;
    private final int logQP;
    private final int rotationDecompositionBits;
    private volatile LevelTables levelTables;

    private CkksParameters(CkksParametersLiteral literal, long[] qPrimes, long[] pPrimes, int logQP) {
        this.literal = literal;
        this.qPrimes = qPrimes;
        this.pPrimes = pPrimes;
        this.logQP = logQP;
        long[] all = new long[qPrimes.length + pPrimes.length];
        System.arraycopy(qPrimes, 0, all, 0, qPrimes.length);
        System.arraycopy(pPrimes, 0, all, qPrimes.length, pPrimes.length);
        this.ring = new RnsRing(literal.logN(), all);
        this.fingerprint = computeFingerprint(literal, all);
        this.rotationDecompositionBits = chooseRotationDecomposition(literal);
    }

    // Rotations add key-switching noise at the ciphertext's own scale, so a special prime much smaller than
    // the q's (forced by the security budget at small N) is complemented by splitting each q-residue into
    // base-2^w words, w below every prime, which brings the noise factor max(digit)/P down to 2^w/P.
    private static int chooseRotationDecomposition(CkksParametersLiteral literal) {
        int maxQ = 0;
        int minAll = Integer.MAX_VALUE;
        for (int b : literal.logQ()) {
            maxQ = Math.max(maxQ, b);
            minAll = Math.min(minAll, b);
        }
        for (int b : literal.logP()) {
            minAll = Math.min(minAll, b);
        }
        boolean smallP = literal.logP().size() == 1 && literal.logP().get(0) + 8 < maxQ;
        return smallP ? minAll - 1 : 0;
    }

    /**
     * Validates a literal and generates its primes.
     *
     * @param literal the unchecked parameters
     * @return the parameters
     * @throws IllegalArgumentException naming the field and the rule that failed
     */
    public static CkksParameters of(CkksParametersLiteral literal) {
        if (literal == null) {
            throw new IllegalArgumentException("CKKS parameters literal is null");
        }
        int logN = literal.logN();
        if (literal.security() == null) {
            throw new IllegalArgumentException("CKKS parameter 'security' is missing: use BITS_128, BITS_192 or BITS_256");
        }
        if (logN < 3 || logN > MAX_LOG_N) {
            throw new IllegalArgumentException("CKKS parameter 'logN' = " + logN + " must be in [3, " + MAX_LOG_N + "] (and in ["
                    + SecurityLevel.MIN_TABLE_LOG_N + ", " + SecurityLevel.MAX_TABLE_LOG_N + "] to be secure)");
        }
        List<Integer> logQ = requireBitSizes("logQ", literal.logQ(), logN);
        if (literal.logP() == null) {
            throw new IllegalArgumentException("CKKS parameter 'logP' is missing: list the special primes' bit sizes,"
                    + " or [] for none (then no relinearisation or rotation keys)");
        }
        List<Integer> logP = literal.logP().isEmpty() ? literal.logP() : requireBitSizes("logP", literal.logP(), logN);
        if (logQ.size() + logP.size() > MAX_PRIMES) {
            throw new IllegalArgumentException("CKKS parameters list " + (logQ.size() + logP.size())
                    + " primes (logQ and logP); at most " + MAX_PRIMES + " are accepted");
        }
        if (literal.logScale() < 1 || literal.logScale() >= logQ.get(0)) {
            throw new IllegalArgumentException("CKKS parameter 'logScale' = " + literal.logScale()
                    + " must be in [1, logQ[0] = " + logQ.get(0) + "): q_0 must hold the scaled message with headroom");
        }
        int total = 0;
        for (int b : logQ) {
            total += b;
        }
        for (int b : logP) {
            total += b;
        }
        checkSecurity(literal, total);
        long twoN = 2L << logN;
        Set<Long> used = new HashSet<>();
        long[] q = generate(logQ, twoN, used);
        long[] p = generate(logP, twoN, used);
        return new CkksParameters(literal, q, p, total);
    }

    private static List<Integer> requireBitSizes(String field, List<Integer> sizes, int logN) {
        if (sizes == null || sizes.isEmpty()) {
            throw new IllegalArgumentException("CKKS parameter '" + field + "' must list at least one prime bit size");
        }
        for (int i = 0; i < sizes.size(); i++) {
            Integer b = sizes.get(i);
            if (b == null || b < logN + 2 || b > Modulus.MAX_BITS) {
                throw new IllegalArgumentException("CKKS parameter '" + field + "[" + i + "]' = " + b + " must be in ["
                        + (logN + 2) + ", " + Modulus.MAX_BITS + "] (primes = 1 mod 2N below 2^60)");
            }
        }
        return sizes;
    }

    private static void checkSecurity(CkksParametersLiteral literal, int logQP) {
        int limit = literal.security().maxLogQP(literal.logN());
        if (limit >= 0 && logQP <= limit) {
            return;
        }
        String problem = limit < 0
                ? "ring degree N = 2^" + literal.logN() + " is outside the HomomorphicEncryption.org table (N = 2^"
                        + SecurityLevel.MIN_TABLE_LOG_N + " .. 2^" + SecurityLevel.MAX_TABLE_LOG_N + ")"
                : "log2(QP) = " + logQP + " exceeds the HomomorphicEncryption.org limit of " + limit + " bits for N = 2^"
                        + literal.logN() + " at " + literal.security();
        if (!literal.allowInsecure()) {
            throw new IllegalArgumentException("insecure CKKS parameters refused: " + problem
                    + "; lower logQ/logP, raise logN, or choose a lower security level");
        }
        System.err.println("*****************************************************************************");
        System.err.println("WARNING: INSECURE CKKS PARAMETERS (allowInsecure = true): " + problem + ".");
        System.err.println("WARNING: anything encrypted under them can be broken. Use for tests only.");
        System.err.println("*****************************************************************************");
    }

    private static long[] generate(List<Integer> sizes, long twoN, Set<Long> used) {
        long[] primes = new long[sizes.size()];
        for (int i = 0; i < primes.length; i++) {
            primes[i] = NttPrimes.generate(sizes.get(i), 1, twoN, used).get(0);
            used.add(primes[i]);
        }
        return primes;
    }

    private static String computeFingerprint(CkksParametersLiteral literal, long[] primes) {
        List<Long> list = new ArrayList<>();
        for (long p : primes) {
            list.add(p);
        }
        return Sha256.hex(("hers-j ckks parameters v1;" + literal.canonical() + ";primes=" + list)
                .getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the literal these parameters were built from */
    public CkksParametersLiteral literal() {
        return literal;
    }

    /** @return log2 N */
    public int logN() {
        return literal.logN();
    }

    /** @return the ring degree N */
    public int ringDegree() {
        return 1 << literal.logN();
    }

    /** @return the number of complex slots, N/2 (real vectors of up to this length are encoded) */
    public int slots() {
        return ringDegree() / 2;
    }

    /** @return the highest level L = logQ.size() - 1 (a fresh ciphertext has L + 1 primes) */
    public int maxLevel() {
        return qPrimes.length - 1;
    }

    /** @return the number of special primes K */
    public int pCount() {
        return pPrimes.length;
    }

    /**
     * @return whether these parameters offer relinearisation and rotation keys: special primes and a q prime to
     *         rescale by. Without either, products stay of degree 2 (decrypted with s and s^2); a set with one q
     *         prime may still have a special prime, to encrypt with the public key over QP (LITE_N4096)
     */
    public boolean supportsKeySwitching() {
        return pPrimes.length > 0 && qPrimes.length > 1;
    }

    /**
     * @return the word size w of the extra base-2^w decomposition used by rotation (Galois) keys, or 0 when
     *         the special prime is large enough and rotations use the plain RNS digits
     */
    public int rotationDecompositionBits() {
        return rotationDecompositionBits;
    }

    /** @return the default scale 2^logScale */
    public double defaultScale() {
        return Math.scalb(1.0, literal.logScale());
    }

    /** @return the security level of the literal */
    public SecurityLevel security() {
        return literal.security();
    }

    /** @return log2(QP) as the sum of the prime bit sizes */
    public int logQP() {
        return logQP;
    }

    /** @return lowercase hex SHA-256 of the canonical literal and the actual primes */
    public String fingerprint() {
        return fingerprint;
    }

    /** @return the i-th ciphertext prime q_i */
    public long qModulus(int i) {
        return qPrimes[i];
    }

    /** @return the i-th special prime p_i */
    public long pModulus(int i) {
        return pPrimes[i];
    }

    /** @return the ring over all primes: indices 0 .. L are q_0 .. q_L, then L+1 .. L+K are p_0 .. p_{K-1} */
    public RnsRing ring() {
        return ring;
    }

    LevelTables levelTables() {
        LevelTables tables = levelTables;
        if (tables == null) {
            synchronized (this) {
                tables = levelTables;
                if (tables == null) {
                    tables = new LevelTables(this);
                    levelTables = tables;
                }
            }
        }
        return tables;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CkksParameters that && fingerprint.equals(that.fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "CkksParameters(" + literal.canonical() + ", log2(QP)=" + logQP + ", fingerprint="
                + fingerprint.substring(0, 16) + ")";
    }
}
