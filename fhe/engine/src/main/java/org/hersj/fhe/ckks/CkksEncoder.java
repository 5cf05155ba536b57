package org.hersj.fhe.ckks;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.RnsRing;

/**
 * Encodes real vectors of up to N/2 values (or N values as complex slots, {@link #encodeComplex}) into
 * plaintexts through the canonical embedding (special FFT),
 * and decodes them back. A value v in slot k becomes the coefficient vector m with m(zeta^(5^k)) = scale * v,
 * rounded to integers: the rounding error is at most 1/2 per coefficient, about sqrt(N)/(2 scale) per slot.
 * Not thread-safe (holds scratch buffers); one encoder per thread.
 */
public final class CkksEncoder {
    private final CkksParameters params;
    private final RnsRing ring;
    private final SpecialFft fft;
    private final double[] re;
    private final double[] im;
    private final long[] work;
    private final long[] workHigh;
    /** The noise of an exact (unflooded) decoding: none. */
    private final long[] noNoise;
    /** q_0^-1 mod q_1 and its Shoup quotient, for the two-limb decoding; 0 with one prime. */
    private final long q0InverseModQ1;
    private final long q0InverseModQ1Shoup;
    private final BigInteger[][] crtFactors;
    private final BigInteger[] crtModulus;

    /** @param params parameters */
    public CkksEncoder(CkksParameters params) {
        this.params = params;
        this.ring = params.ring();
        this.fft = new SpecialFft(params.slots());
        this.re = new double[params.slots()];
        this.im = new double[params.slots()];
        this.work = new long[params.ringDegree()];
        this.workHigh = new long[params.maxLevel() >= 1 ? params.ringDegree() : 0];
        this.noNoise = new long[params.ringDegree()];
        if (params.maxLevel() >= 1) {
            Modulus q1 = ring.modulus(1);
            this.q0InverseModQ1 = q1.inverse(q1.reduce(ring.modulus(0).value()));
            this.q0InverseModQ1Shoup = q1.shoup(q0InverseModQ1);
        } else {
            this.q0InverseModQ1 = 0;
            this.q0InverseModQ1Shoup = 0;
        }
        this.crtFactors = new BigInteger[params.maxLevel() + 1][];
        this.crtModulus = new BigInteger[params.maxLevel() + 1];
    }

    /**
     * @param values up to N/2 real values (missing slots are 0)
     * @param level level of the plaintext
     * @param scale scale Delta (e.g. {@link CkksParameters#defaultScale()})
     * @return the plaintext
     */
    public Plaintext encodeNew(double[] values, int level, double scale) {
        Plaintext out = new Plaintext(params, level, scale);
        encode(values, level, scale, out);
        return out;
    }

    /**
     * Encodes into an existing plaintext buffer.
     *
     * @param values up to N/2 finite real values
     * @param level level
     * @param scale scale
     * @param out destination with capacity at least {@code level}
     */
    public void encode(double[] values, int level, double scale, Plaintext out) {
        if (values.length > params.slots()) {
            throw new IllegalArgumentException(values.length + " values do not fit in " + params.slots()
                    + " slots (N/2 for N = " + params.ringDegree() + ")");
        }
        Arrays.fill(re, 0.0);
        Arrays.fill(im, 0.0);
        copyFinite(values, 0, values.length, re, "value ");
        encodeSlots(level, scale, out);
    }

    /**
     * Encodes up to N real values as N/2 complex slots: slot k holds values[k] + i values[k + N/2]. A
     * product with a real constant (a probe value replicated to every slot) scales both halves alike,
     * so two items share one slot; slot-wise products of two such vectors and rotations mix the halves.
     *
     * @param values up to N finite real values (missing values are 0): first the N/2 real parts, then the
     *               N/2 imaginary parts
     * @param level  level
     * @param scale  scale
     * @param out    destination with capacity at least {@code level}
     */
    public void encodeComplex(double[] values, int level, double scale, Plaintext out) {
        int n = params.slots();
        if (values.length > 2 * n) {
            throw new IllegalArgumentException(values.length + " values do not fit in " + n
                    + " complex slots (N for N = " + params.ringDegree() + ")");
        }
        Arrays.fill(re, 0.0);
        Arrays.fill(im, 0.0);
        copyFinite(values, 0, Math.min(n, values.length), re, "value ");
        if (values.length > n) {
            copyFinite(values, n, values.length, im, "value ");
        }
        encodeSlots(level, scale, out);
    }

    // dst[k - from] = src[k] for from <= k < to, refusing NaN and infinities by their index in src.
    private static void copyFinite(double[] src, int from, int to, double[] dst, String what) {
        for (int k = from; k < to; k++) {
            if (!Double.isFinite(src[k])) {
                throw new IllegalArgumentException(what + k + " is " + src[k] + "; only finite values can be encoded");
            }
            dst[k - from] = src[k];
        }
    }

    // Encodes the slots held in re/im.
    private void encodeSlots(int level, double scale, Plaintext out) {
        checkScale(scale);
        fft.inverse(re, im);
        requireOwn(out.params());
        out.reset(level, scale);
        int n = params.slots();
        double limit = Math.scalb(1.0, bitsOfQ(level) - 2);
        for (int i = 0; i <= level; i++) {
            Modulus m = ring.modulus(i);
            long[] limb = out.poly().limb(i);
            for (int k = 0; k < n; k++) {
                limb[k] = toResidue(re[k] * scale, m, limit);
                limb[k + n] = toResidue(im[k] * scale, m, limit);
            }
            ring.ntt(i).forward(limb);
        }
    }

    /**
     * @param value the constant
     * @param level level
     * @param scale scale
     * @return a plaintext holding {@code value} in every slot (the constant polynomial round(value * scale))
     */
    public Plaintext encodeConstantNew(double value, int level, double scale) {
        Plaintext out = new Plaintext(params, level, scale);
        encodeConstant(value, level, scale, out);
        return out;
    }

    /**
     * Encodes a constant replicated to every slot into {@code out}.
     *
     * @param value finite constant
     * @param level level
     * @param scale scale
     * @param out destination
     */
    public void encodeConstant(double value, int level, double scale, Plaintext out) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("constant " + value + " cannot be encoded");
        }
        checkScale(scale);
        requireOwn(out.params());
        out.reset(level, scale);
        double limit = Math.scalb(1.0, bitsOfQ(level) - 2);
        for (int i = 0; i <= level; i++) {
            // the NTT of a constant polynomial is that constant at every evaluation point
            Arrays.fill(out.poly().limb(i), toResidue(value * scale, ring.modulus(i), limit));
        }
    }

    /**
     * @param pt the plaintext
     * @return the N/2 real slot values (imaginary parts dropped)
     */
    public double[] decode(Plaintext pt) {
        double[] out = new double[params.slots()];
        decode(pt, out);
        return out;
    }

    /**
     * Decodes into {@code out} (length at most N/2: the first slots).
     *
     * @param pt the plaintext
     * @param out destination
     */
    public void decode(Plaintext pt, double[] out) {
        decode(pt, null, out);
    }

    /**
     * Decodes into {@code out} (length at most N/2: the first slots) with fresh noise flooding added to the
     * plaintext's coefficients ({@link NoiseFlooding}); {@code pt} itself is not changed.
     *
     * @param pt the plaintext
     * @param flooding the flooding of the decrypting thread, or null for an exact decoding
     * @param out destination
     */
    public void decode(Plaintext pt, NoiseFlooding flooding, double[] out) {
        decodeSlots(pt, flooding);
        System.arraycopy(re, 0, out, 0, Math.min(out.length, params.slots()));
    }

    /**
     * Decodes the N/2 complex slots back into N real values, the inverse of {@link #encodeComplex}.
     *
     * @param pt  the plaintext
     * @param out destination (length at most N): the real parts of the slots, then their imaginary parts
     */
    public void decodeComplex(Plaintext pt, double[] out) {
        decodeComplex(pt, null, out);
    }

    /**
     * As {@link #decodeComplex(Plaintext, double[])}, with fresh noise flooding added to the plaintext's
     * coefficients ({@link NoiseFlooding}; null for none); {@code pt} itself is not changed.
     */
    public void decodeComplex(Plaintext pt, NoiseFlooding flooding, double[] out) {
        decodeSlots(pt, flooding);
        int n = params.slots();
        System.arraycopy(re, 0, out, 0, Math.min(out.length, n));
        if (out.length > n) {
            System.arraycopy(im, 0, out, n, Math.min(out.length - n, n));
        }
    }

    // Leaves the slot values of pt (flooded, if flooding is not null) in re/im. The flooding's integers are added
    // to the coefficients once they are reconstructed as integers (centred, from every prime), not to each residue.
    private void decodeSlots(Plaintext pt, NoiseFlooding flooding) {
        requireOwn(pt.params());
        long[] noise = noNoise;
        if (flooding != null) {
            flooding.drawFor(pt);
            noise = flooding.lastDraw();
        }
        int n = params.slots();
        int level = pt.level();
        double inverseScale = 1.0 / pt.scale();
        if (level == 0) {
            long q = ring.modulus(0).value();
            System.arraycopy(pt.poly().limb(0), 0, work, 0, work.length);
            ring.ntt(0).inverse(work);
            for (int k = 0; k < n; k++) {
                // a residue (below 2^60) plus the noise (below 2^60 in 8 sigma, NoiseFlooding#fitsScale) fits a long
                re[k] = (double) (centred(work[k], q) + noise[k]) * inverseScale;
                im[k] = (double) (centred(work[k + n], q) + noise[k + n]) * inverseScale;
            }
        } else if (level == 1) {
            decodeTwoLimbs(pt, inverseScale, noise);
        } else {
            decodeMultiLimb(pt, inverseScale, noise);
        }
        fft.forward(re, im);
    }

    /**
     * Two primes (a degree-2 score left unrescaled): x = r_0 + q_0 t with t = (r_1 - r_0) q_0^-1 mod q_1, centred
     * by taking t - q_1 for t > q_1 / 2, as a 128-bit integer rounded once to a double: as precise as the
     * BigInteger decoding of more primes, without its allocations. The noise is added to that 128-bit integer.
     */
    private void decodeTwoLimbs(Plaintext pt, double inverseScale, long[] noise) {
        int n = params.slots();
        Modulus q1 = ring.modulus(1);
        long q0 = ring.modulus(0).value();
        long q1Value = q1.value();
        System.arraycopy(pt.poly().limb(0), 0, work, 0, work.length);
        System.arraycopy(pt.poly().limb(1), 0, workHigh, 0, workHigh.length);
        ring.ntt(0).inverse(work);
        ring.ntt(1).inverse(workHigh);
        long halfQ1 = q1Value >>> 1;
        for (int c = 0; c < 2 * n; c++) {
            long r0 = work[c];
            // (r_1 - r_0) q_0^-1 as two Shoup products (both residues are below 2^62), no division
            long t = q1.sub(q1.mulShoup(workHigh[c], q0InverseModQ1, q0InverseModQ1Shoup),
                    q1.mulShoup(r0, q0InverseModQ1, q0InverseModQ1Shoup));
            long signedT = t > halfQ1 ? t - q1Value : t;
            // x = q_0 t + r_0 in 128 bits; exact when it fits a long (small values: no cancellation in doubles)
            long productLow = q0 * signedT;
            long exact = productLow + r0;
            long e = noise[c];
            long low = exact + e;
            // + the sign extension of e and both carries out of the low words, computed without branches (the
            // carries are random: compared, they cost 35 of a flooded decoding's 200 us in mispredictions)
            long high = Math.multiplyHigh(q0, signedT) + carry(productLow, r0, exact) + (e >> 63) + carry(exact, e, low);
            double x = high == (low >> 63) ? (double) low : high * 0x1p64 + (double) (low >>> 1) * 2.0;
            double v = x * inverseScale;
            if (c < n) {
                re[c] = v;
            } else {
                im[c - n] = v;
            }
        }
    }

    private void decodeMultiLimb(Plaintext pt, double inverseScale, long[] noise) {
        int level = pt.level();
        int n = params.slots();
        BigInteger[] factors = crtFactors(level);
        BigInteger modulus = crtModulus[level];
        BigInteger half = modulus.shiftRight(1);
        long[][] coefficients = new long[level + 1][];
        for (int i = 0; i <= level; i++) {
            coefficients[i] = pt.poly().limb(i).clone();
            ring.ntt(i).inverse(coefficients[i]);
        }
        for (int c = 0; c < 2 * n; c++) {
            BigInteger x = BigInteger.ZERO;
            for (int i = 0; i <= level; i++) {
                x = x.add(factors[i].multiply(BigInteger.valueOf(coefficients[i][c])));
            }
            x = x.mod(modulus);
            if (x.compareTo(half) > 0) {
                x = x.subtract(modulus);
            }
            double v = x.add(BigInteger.valueOf(noise[c])).doubleValue() * inverseScale;
            if (c < n) {
                re[c] = v;
            } else {
                im[c - n] = v;
            }
        }
    }

    private BigInteger[] crtFactors(int level) {
        if (crtFactors[level] == null) {
            BigInteger q = BigInteger.ONE;
            for (int i = 0; i <= level; i++) {
                q = q.multiply(BigInteger.valueOf(ring.modulus(i).value()));
            }
            BigInteger[] factors = new BigInteger[level + 1];
            for (int i = 0; i <= level; i++) {
                BigInteger qi = BigInteger.valueOf(ring.modulus(i).value());
                BigInteger hat = q.divide(qi);
                factors[i] = hat.multiply(hat.modInverse(qi)).mod(q);
            }
            crtModulus[level] = q;
            crtFactors[level] = factors;
        }
        return crtFactors[level];
    }

    private int bitsOfQ(int level) {
        int bits = 0;
        for (int i = 0; i <= level; i++) {
            bits += ring.modulus(i).bits() - 1;
        }
        return bits + 1;
    }

    private void requireOwn(CkksParameters other) {
        if (!other.equals(params)) {
            throw new IllegalArgumentException("plaintext belongs to other CKKS parameters (" + other
                    + ") than this encoder (" + params + ")");
        }
    }

    // The carry out of the unsigned 64-bit sum = a + b: 1 where both top bits are set, or either is and the sum's is not.
    private static long carry(long a, long b, long sum) {
        return ((a & b) | ((a | b) & ~sum)) >>> 63;
    }

    private static long centred(long v, long q) {
        return v > (q >>> 1) ? v - q : v;
    }

    private static void checkScale(double scale) {
        if (!(scale >= 1.0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("scale " + scale + " must be a finite number >= 1");
        }
    }

    private static long toResidue(double scaled, Modulus m, double limit) {
        double rounded = Math.rint(scaled);
        if (Math.abs(rounded) >= limit) {
            throw new IllegalArgumentException("scaled value " + scaled + " overflows the modulus at this level"
                    + " (|value * scale| must stay below 2^" + Math.getExponent(limit) + "); lower the scale or the values");
        }
        if (Math.abs(rounded) < 0x1p62) {
            long v = (long) rounded;
            return v >= 0 ? m.reduceWord(v) : m.negate(m.reduceWord(-v));
        }
        BigInteger big = new BigDecimal(rounded).toBigInteger();
        return big.mod(BigInteger.valueOf(m.value())).longValue();
    }
}
