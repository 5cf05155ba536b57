package org.hersj.fhe.arith;

/**
 * One odd word-sized modulus q (3 &lt;= q &lt; 2^60) with the constants for fast reduction.
 *
 * <p>Barrett reduction: for x &lt; 2^(2s+1), where s is the bit length of q, the quotient estimate
 * {@code multiplyHigh(x >> (s-2), mu)} with {@code mu = floor(2^(s+62) / q)} is at most 2 below the true
 * quotient, so two conditional subtractions finish the job. This range admits a product of two reduced
 * operands plus an accumulator below 2q^2 + q, which the fused multiply-accumulate of the evaluator uses.
 *
 * <p>Shoup multiplication: for a fixed operand w, {@code wShoup = floor(w * 2^63 / q)} (always below 2^63, so
 * Java's signed {@code multiplyHigh} needs no correction) lets {@code a * w mod q} be computed as
 * {@code a w - multiplyHigh(2a, wShoup) q} with one high and two low products: for a &lt; 2^62 the quotient
 * estimate is at most 1.5 too small, so the lazy result lies in [0, 2q).
 *
 * <p>Hot paths are branch-free: a conditional subtraction is written {@code r -= q; r += (r >> 63) & q}, since
 * residues are random and a data-dependent branch would be mispredicted half the time.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Modulus {
    /** Largest supported bit length of a modulus. */
    public static final int MAX_BITS = 60;

    private final long q;
    private final int bits;
    private final int shift;
    private final long mu;
    private final long twoQ;
    private final long twoTo63;
    private final long inverse64;

    /**
     * Creates the reduction constants for {@code q}.
     *
     * @param q the modulus, odd, 3 &lt;= q &lt; 2^60
     * @throws IllegalArgumentException if q is even or outside that range
     */
    public Modulus(long q) {
        if (q < 3 || q >= (1L << MAX_BITS) || (q & 1) == 0) {
            throw new IllegalArgumentException("modulus " + q + " must be odd and in [3, 2^" + MAX_BITS + ")");
        }
        this.q = q;
        this.bits = 64 - Long.numberOfLeadingZeros(q);
        this.shift = Math.max(bits - 2, 0);
        this.mu = shiftedQuotient(1, bits + 62);
        this.twoQ = 2 * q;
        this.twoTo63 = Long.remainderUnsigned(Long.MIN_VALUE, q);
        long inv = q; // Newton's iteration for q^-1 mod 2^64: each step doubles the correct low bits (3 at first)
        for (int i = 0; i < 5; i++) {
            inv *= 2 - q * inv;
        }
        this.inverse64 = inv;
    }

    // floor(x * 2^shift / q) for 0 <= x < q by binary long division; the caller guarantees it fits 64 bits.
    private long shiftedQuotient(long x, int shift) {
        long remainder = x;
        long quotient = 0;
        for (int i = 0; i < shift; i++) {
            remainder <<= 1;
            quotient <<= 1;
            if (remainder >= q) {
                remainder -= q;
                quotient |= 1;
            }
        }
        return quotient;
    }

    /** @return the modulus q */
    public long value() {
        return q;
    }

    /** @return the bit length of q */
    public int bits() {
        return bits;
    }

    /** @return x mod q for any non-negative x */
    public long reduce(long x) {
        return x < q ? x : x % q;
    }

    /** @return x mod q for any non-negative x, with Barrett reduction when q has at least 31 bits */
    public long reduceWord(long x) {
        if (bits >= 31) {
            return reduce128(0, x);
        }
        return x % q;
    }

    /** @return x mod q in [0, q) for any x, negative values included */
    public long reduceSigned(long x) {
        long r = x % q;
        return r < 0 ? r + q : r;
    }

    /** @return (a + b) mod q for a, b in [0, q) */
    public long add(long a, long b) {
        long s = a + b;
        return s >= q ? s - q : s;
    }

    /** @return (a - b) mod q for a, b in [0, q) */
    public long sub(long a, long b) {
        long d = a - b;
        return d < 0 ? d + q : d;
    }

    /** @return (-a) mod q for a in [0, q) */
    public long negate(long a) {
        return a == 0 ? 0 : q - a;
    }

    /** @return a * b mod q for a, b in [0, q) (Barrett) */
    public long mul(long a, long b) {
        return reduce128(Math.multiplyHigh(a, b), a * b);
    }

    /**
     * Reduces the unsigned 128-bit value hi:lo, which must be below 2^(2s+1) (s = bit length of q).
     *
     * @return hi:lo mod q in [0, q)
     */
    public long reduce128(long hi, long lo) {
        long x1 = (hi << (64 - shift)) | (lo >>> shift);
        long estimate = Math.multiplyHigh(x1, mu);
        long r = lo - estimate * q - q;
        r += (r >> 63) & q;
        r -= q;
        return r + ((r >> 63) & q);
    }

    /**
     * Barrett reduction without the final corrections, for fused accumulation.
     *
     * @return a value congruent to hi:lo (below 2^(2s+1)) in [0, 3q)
     */
    public long reduce128Lazy(long hi, long lo) {
        long x1 = (hi << (64 - shift)) | (lo >>> shift);
        return lo - Math.multiplyHigh(x1, mu) * q;
    }

    /** @return r mod q for 0 &lt;= r &lt; 4q (two branch-free conditional subtractions, 2q then q) */
    public long reduceFrom4q(long r) {
        long t = r - twoQ;
        t += (t >> 63) & twoQ;
        t -= q;
        return t + ((t >> 63) & q);
    }

    /**
     * The Shoup quotient floor(w * 2^63 / q) of a fixed operand w in [0, q), by exact division: with
     * r = w * 2^63 mod q, the quotient is (w * 2^63 - r) / q, which is below 2^63, so it equals
     * (w * 2^63 - r) * q^-1 modulo 2^64 (q is odd). Two products and one reduction.
     *
     * @return floor(w * 2^63 / q)
     */
    public long shoup(long w) {
        long r = mul(w, twoTo63);
        return ((w << 63) - r) * inverse64;
    }

    /** @return a * w mod q in [0, q), with wShoup = {@link #shoup(long) shoup(w)}; 0 &lt;= a &lt; 2^62 */
    public long mulShoup(long a, long w, long wShoup) {
        long r = mulShoupLazy(a, w, wShoup) - q;
        return r + ((r >> 63) & q);
    }

    /** @return a value congruent to a * w mod q in [0, 2q), with wShoup = shoup(w); 0 &lt;= a &lt; 2^62 */
    public long mulShoupLazy(long a, long w, long wShoup) {
        return a * w - Math.multiplyHigh(a << 1, wShoup) * q;
    }

    /** @return base^exponent mod q, exponent &gt;= 0 */
    public long pow(long base, long exponent) {
        long result = 1 % q;
        long b = reduce(base);
        long e = exponent;
        while (e > 0) {
            if ((e & 1) == 1) {
                result = mul(result, b);
            }
            b = mul(b, b);
            e >>>= 1;
        }
        return result;
    }

    /**
     * @return the inverse of a mod q (q prime)
     * @throws ArithmeticException if a is 0 mod q
     */
    public long inverse(long a) {
        long r = reduce(a);
        if (r == 0) {
            throw new ArithmeticException("0 has no inverse modulo " + q);
        }
        return pow(r, q - 2);
    }

    /** @return 2q, the bound of lazily reduced values */
    public long twoQ() {
        return twoQ;
    }

    @Override
    public String toString() {
        return "Modulus(" + q + ", " + bits + " bits)";
    }
}
