package org.hersj.fhe.ckks;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import java.util.function.IntUnaryOperator;
import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.LimbArithmetic;
import org.hersj.fhe.ring.RnsPoly;
import org.hersj.fhe.ring.RnsRing;

/**
 * Server-side homomorphic operations. Holds only public evaluation keys. Every operation exists as
 * {@code op(a, b, out)} writing into a buffer (which may be one of the inputs) and {@code opNew(a, b)}.
 * Operands at different levels are brought to the lower one; their scales must agree (relative 1e-9).
 *
 * <p>Noise and precision (per slot, scale Delta, N = ring degree): fresh public-key encryption about
 * sigma * N / Delta; a product adds |m_1| e_2 + |m_2| e_1; relinearisation adds the key-switching noise
 * (see {@link CkksParameters}) at scale Delta^2, i.e. negligible before rescaling; rescaling adds about
 * sqrt(N) / Delta. Not thread-safe (scratch buffers): use {@link #copyForThread()} per thread.
 */
public final class Evaluator {
    private final CkksParameters params;
    private final EvaluationKeys keys;
    private final RnsRing ring;
    private final KeySwitcher switcher;
    private final Ciphertext product;
    private final Ciphertext rotated;
    private final SlotRotation rotation;
    private final long[][] rescaleScratch;
    private PreparedInnerProduct preparedInnerProduct;

    /**
     * @param params parameters
     * @param keys public evaluation keys (relinearisation and optional rotation keys)
     */
    public Evaluator(CkksParameters params, EvaluationKeys keys) {
        this.params = params;
        this.keys = keys == null ? new EvaluationKeys(null, null) : keys;
        this.ring = params.ring();
        this.switcher = new KeySwitcher(params);
        int top = params.maxLevel();
        this.product = new Ciphertext(params, 2, top, 1);
        this.rotated = new Ciphertext(params, 1, top, 1);
        this.rotation = new SlotRotation(params, switcher);
        this.rescaleScratch = new long[top + 3][params.ringDegree()];
    }

    /** @return an evaluator with the same keys and its own scratch space, for another thread */
    public Evaluator copyForThread() {
        return new Evaluator(params, keys);
    }

    /** @return the parameters */
    public CkksParameters params() {
        return params;
    }

    /**
     * @param degree 1 or 2
     * @param level level
     * @param scale scale
     * @return a zero ciphertext buffer
     */
    public Ciphertext newCiphertext(int degree, int level, double scale) {
        return new Ciphertext(params, degree, level, scale);
    }

    // ---- addition -------------------------------------------------------------------------------------

    /** out = a + b. */
    public void add(Ciphertext a, Ciphertext b, Ciphertext out) {
        combine(a, b, out, false);
    }

    /** @return a + b */
    public Ciphertext addNew(Ciphertext a, Ciphertext b) {
        Ciphertext out = newCiphertext(Math.max(a.degree(), b.degree()), Math.min(a.level(), b.level()), a.scale());
        add(a, b, out);
        return out;
    }

    /** out = a - b. */
    public void sub(Ciphertext a, Ciphertext b, Ciphertext out) {
        combine(a, b, out, true);
    }

    /** @return a - b */
    public Ciphertext subNew(Ciphertext a, Ciphertext b) {
        Ciphertext out = newCiphertext(Math.max(a.degree(), b.degree()), Math.min(a.level(), b.level()), a.scale());
        sub(a, b, out);
        return out;
    }

    private void combine(Ciphertext a, Ciphertext b, Ciphertext out, boolean subtract) {
        checkParams(a, b, out);
        OperandChecks.sameScale(a.scale(), b.scale(), "add/sub");
        int level = Math.min(a.level(), b.level());
        int da = a.degree();
        int db = b.degree();
        double scale = a.scale();
        out.reset(Math.max(da, db), level, scale);
        for (int d = 0; d <= Math.max(da, db); d++) {
            for (int i = 0; i <= level; i++) {
                Modulus m = ring.modulus(i);
                long[] o = out.poly(d).limb(i);
                if (d <= da && d <= db) {
                    if (subtract) {
                        LimbArithmetic.sub(a.poly(d).limb(i), b.poly(d).limb(i), o, m);
                    } else {
                        LimbArithmetic.add(a.poly(d).limb(i), b.poly(d).limb(i), o, m);
                    }
                } else if (d <= da) {
                    copyLimb(a.poly(d).limb(i), o);
                } else if (subtract) {
                    LimbArithmetic.negate(b.poly(d).limb(i), o, m);
                } else {
                    copyLimb(b.poly(d).limb(i), o);
                }
            }
        }
    }

    /** out = -a. */
    public void negate(Ciphertext a, Ciphertext out) {
        checkParams(a, out);
        int degree = a.degree();
        int level = a.level();
        out.reset(degree, level, a.scale());
        for (int d = 0; d <= degree; d++) {
            for (int i = 0; i <= level; i++) {
                LimbArithmetic.negate(a.poly(d).limb(i), out.poly(d).limb(i), ring.modulus(i));
            }
        }
    }

    /** @return -a */
    public Ciphertext negateNew(Ciphertext a) {
        Ciphertext out = newCiphertext(a.degree(), a.level(), a.scale());
        negate(a, out);
        return out;
    }

    // ---- products by constants and plaintexts ----------------------------------------------------------

    /**
     * out = a * c. An integer c keeps the scale; any other c is rounded to round(c * q_level) / q_level
     * (relative error 2^-bits(q_level)) and multiplies the scale by q_level, so that a following
     * {@link #rescale} restores the input's scale exactly. The integer c or round(c * q_level) is reduced
     * exactly modulo every prime (big-integer arithmetic beyond 2^62), so any constant whose scaled value
     * lies within (-Q_level/2, Q_level/2) is correct; a larger one is refused, as are non-integers at level 0.
     */
    public void multiplyConst(Ciphertext a, double c, Ciphertext out) {
        checkParams(a, out);
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("constant " + c + " is not finite");
        }
        int level = a.level();
        boolean integer = c == Math.rint(c);
        long constScale = 1;
        if (!integer) {
            if (level == 0) {
                throw new IllegalArgumentException("cannot multiply by the non-integer " + c
                        + " at level 0 (no prime left to rescale); multiply before the last rescale");
            }
            constScale = ring.modulus(level).value();
        }
        BigInteger scaled = new BigDecimal(c).multiply(BigDecimal.valueOf(constScale))
                .setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        BigInteger half = modulusProduct(level).shiftRight(1);
        if (scaled.abs().compareTo(half) >= 0) {
            throw new IllegalArgumentException("constant " + c + (integer ? "" : " times the scale q_" + level)
                    + " = " + scaled + " does not fit in the modulus at level " + level + " (|value| must stay below "
                    + "Q/2 = 2^" + half.bitLength() + "); use a smaller constant or a higher level");
        }
        multiplyByInteger(a, scaled, a.scale() * constScale, out);
    }

    private void multiplyByInteger(Ciphertext a, long c, double newScale, Ciphertext out) {
        multiplyByInteger(a, BigInteger.valueOf(c), newScale, out);
    }

    // out = a * c for an integer |c| < Q_level / 2, declared scale newScale.
    private void multiplyByInteger(Ciphertext a, BigInteger c, double newScale, Ciphertext out) {
        int level = a.level();
        int degree = a.degree();
        out.reset(degree, level, newScale);
        for (int i = 0; i <= level; i++) {
            Modulus m = ring.modulus(i);
            long w = c.mod(BigInteger.valueOf(m.value())).longValueExact();
            long ws = m.shoup(w);
            for (int d = 0; d <= degree; d++) {
                LimbArithmetic.mulScalar(a.poly(d).limb(i), w, ws, out.poly(d).limb(i), m);
            }
        }
    }

    private BigInteger modulusProduct(int level) {
        BigInteger q = BigInteger.ONE;
        for (int i = 0; i <= level; i++) {
            q = q.multiply(BigInteger.valueOf(ring.modulus(i).value()));
        }
        return q;
    }

    /** @return a * c (see {@link #multiplyConst(Ciphertext, double, Ciphertext)}) */
    public Ciphertext multiplyConstNew(Ciphertext a, double c) {
        Ciphertext out = newCiphertext(a.degree(), a.level(), a.scale());
        multiplyConst(a, c, out);
        return out;
    }

    /** out = a * pt (slot-wise); the scales multiply. */
    public void multiplyPlain(Ciphertext a, Plaintext pt, Ciphertext out) {
        checkParams(a, out);
        OperandChecks.sameParameters(params, pt.params(), "plaintext");
        int level = Math.min(a.level(), pt.level());
        int degree = a.degree();
        out.reset(degree, level, a.scale() * pt.scale());
        for (int i = 0; i <= level; i++) {
            for (int d = 0; d <= degree; d++) {
                LimbArithmetic.mul(a.poly(d).limb(i), pt.poly().limb(i), out.poly(d).limb(i), ring.modulus(i));
            }
        }
    }

    /**
     * out = a + pt (slot-wise): the plaintext is added to the degree-0 part at the ciphertext's level; the
     * scales must match (encode {@code pt} at {@code a.scale()} and at least {@code a.level()}).
     */
    public void addPlain(Ciphertext a, Plaintext pt, Ciphertext out) {
        checkParams(a, out);
        OperandChecks.sameParameters(params, pt.params(), "plaintext");
        OperandChecks.sameScale(a.scale(), pt.scale(), "addPlain");
        if (pt.level() < a.level()) {
            throw new IllegalArgumentException("plaintext at level " + pt.level() + " cannot be added to a ciphertext"
                    + " at level " + a.level() + "; encode it at the ciphertext's level");
        }
        int level = a.level();
        int degree = a.degree();
        out.reset(degree, level, a.scale());
        for (int i = 0; i <= level; i++) {
            Modulus m = ring.modulus(i);
            LimbArithmetic.add(a.poly(0).limb(i), pt.poly().limb(i), out.poly(0).limb(i), m);
            for (int d = 1; d <= degree; d++) {
                copyLimb(a.poly(d).limb(i), out.poly(d).limb(i));
            }
        }
    }

    /** @return a * pt */
    public Ciphertext multiplyPlainNew(Ciphertext a, Plaintext pt) {
        Ciphertext out = newCiphertext(a.degree(), Math.min(a.level(), pt.level()), a.scale());
        multiplyPlain(a, pt, out);
        return out;
    }

    // ---- ciphertext products -----------------------------------------------------------------------------

    /** out (degree 2) = a * b without relinearisation; the scales multiply. */
    public void multiplyNoRelin(Ciphertext a, Ciphertext b, Ciphertext out) {
        checkParams(a, b, out);
        OperandChecks.requireDegree(a, 1, "multiply");
        OperandChecks.requireDegree(b, 1, "multiply");
        int level = Math.min(a.level(), b.level());
        out.reset(2, level, a.scale() * b.scale());
        for (int i = 0; i <= level; i++) {
            TensorKernels.tensor(a.poly(0).limb(i), a.poly(1).limb(i), b.poly(0).limb(i), b.poly(1).limb(i),
                    out.poly(0).limb(i), out.poly(1).limb(i), out.poly(2).limb(i), ring.modulus(i));
        }
    }

    /** @return a * b as a degree-2 ciphertext */
    public Ciphertext multiplyNoRelinNew(Ciphertext a, Ciphertext b) {
        Ciphertext out = newCiphertext(2, Math.min(a.level(), b.level()), a.scale() * b.scale());
        multiplyNoRelin(a, b, out);
        return out;
    }

    /**
     * acc2 += a * b: the search hot path. Fused and allocation-free: one 128-bit Karatsuba product and one
     * reduction per output residue. {@code acc2} must be of degree 2, at level at most min(a, b), with scale
     * a.scale * b.scale (start from {@code newCiphertext(2, level, a.scale() * b.scale())}, which is zero).
     */
    public void multiplyAccumulate(Ciphertext a, Ciphertext b, Ciphertext acc2) {
        checkParams(a, b, acc2);
        OperandChecks.requireDegree(b, 1, "multiplyAccumulate");
        int level = OperandChecks.accumulation(a, b.level(), b.scale(), acc2);
        for (int i = 0; i <= level; i++) {
            TensorKernels.tensorAccumulate(a.poly(0).limb(i), a.poly(1).limb(i), b.poly(0).limb(i),
                    b.poly(1).limb(i), acc2.poly(0).limb(i), acc2.poly(1).limb(i), acc2.poly(2).limb(i),
                    ring.modulus(i));
        }
    }

    /**
     * out2 = sum_{j &lt; count} a[j] * b[j] as a degree-2 ciphertext (a whole block of the search), by fused
     * multiply-accumulates. (Summing exact 128-bit products and reducing once per residue was measured
     * slower here: the extra memory traffic costs more than the saved reductions. For a probe reused over
     * many blocks, {@link #prepare} it and use the prepared inner product, about 2x faster.) All a[j],
     * b[j] are degree 1; the level is the lowest operand level; every product has the scale of a[0] * b[0].
     */
    public void innerProduct(Ciphertext[] a, Ciphertext[] b, int count, Ciphertext out2) {
        for (int j = 0; j < Math.min(count, b.length); j++) {
            OperandChecks.requireDegree(b[j], 1, "innerProduct");
        }
        int level = innerProductLevel(a, b.length, count, out2, j -> b[j].params(), j -> b[j].scale(),
                j -> b[j].level());
        for (int d = 0; d <= 2; d++) {
            for (int i = 0; i <= level; i++) {
                java.util.Arrays.fill(out2.poly(d).limb(i), 0L);
            }
        }
        for (int j = 0; j < count; j++) {
            multiplyAccumulate(a[j], b[j], out2);
        }
    }

    /**
     * out2 = sum_{j &lt; count} a[j] * b[j] with every b[j] prepared (a search probe, reused over many blocks; every
     * residue of the a[j] in [0, q), as every reader and operation leaves them):
     * Shoup products summed lazily two terms at a time, reduced once per output coefficient (see
     * {@link PreparedInnerProduct}); the fastest form of the search's block product. All a[j] are degree
     * 1; the level is the lowest operand level; every product has the scale of a[0] * b[0].
     */
    public void innerProduct(Ciphertext[] a, PreparedCiphertext[] b, int count, Ciphertext out2) {
        int level = innerProductLevel(a, b.length, count, out2, j -> b[j].params(), j -> b[j].scale(),
                j -> b[j].level());
        if (preparedInnerProduct == null) {
            preparedInnerProduct = new PreparedInnerProduct(params);
        }
        preparedInnerProduct.compute(a, b, count, level, out2);
    }

    // Checks the terms of an inner product (b's parameters, scale and level by term), resets out2 to
    // degree 2 at the lowest operand level and the product scale, and returns that level.
    private int innerProductLevel(Ciphertext[] a, int bLength, int count, Ciphertext out2,
            IntFunction<CkksParameters> bParams, IntToDoubleFunction bScale, IntUnaryOperator bLevel) {
        if (count < 1 || count > a.length || count > bLength) {
            throw new IllegalArgumentException("innerProduct of " + count + " terms needs 1 <= count <= "
                    + Math.min(a.length, bLength));
        }
        checkParams(out2);
        double scale = a[0].scale() * bScale.applyAsDouble(0);
        int level = out2.capacityLevel();
        for (int j = 0; j < count; j++) {
            checkParams(a[j]);
            OperandChecks.sameParameters(params, bParams.apply(j), "operand b[" + j + "]");
            OperandChecks.requireDegree(a[j], 1, "innerProduct");
            OperandChecks.sameScale(scale, a[j].scale() * bScale.applyAsDouble(j), "innerProduct term " + j);
            level = Math.min(level, Math.min(a[j].level(), bLevel.applyAsInt(j)));
        }
        out2.reset(2, level, scale);
        return level;
    }

    /**
     * @return the kernel of the prepared block product in this JVM: "simd-512 (Vector API)" (started with
     *         {@code --add-modules jdk.incubator.vector}, 512-bit vectors) or "scalar"
     */
    public static String blockProductKernel() {
        return SimdSupport.kernel();
    }

    /**
     * @param b a degree-1 ciphertext that will be the fixed operand of many products (e.g. a search probe)
     * @return b with precomputed Shoup quotients, for {@link #multiplyAccumulate(Ciphertext, PreparedCiphertext, Ciphertext)}
     */
    public PreparedCiphertext prepare(Ciphertext b) {
        checkParams(b);
        return new PreparedCiphertext(params, b);
    }

    /**
     * acc2 += a * b with b prepared: the same result as {@link #multiplyAccumulate(Ciphertext, Ciphertext, Ciphertext)},
     * faster (Shoup products instead of Barrett reductions). Same requirements on {@code acc2}.
     */
    public void multiplyAccumulate(Ciphertext a, PreparedCiphertext b, Ciphertext acc2) {
        checkParams(a, acc2);
        OperandChecks.sameParameters(params, b.params(), "prepared ciphertext");
        int level = OperandChecks.accumulation(a, b.level(), b.scale(), acc2);
        for (int i = 0; i <= level; i++) {
            TensorKernels.tensorAccumulatePrepared(a.poly(0).limb(i), a.poly(1).limb(i), b.value(0).limb(i),
                    b.shoup(0).limb(i), b.value(1).limb(i), b.shoup(1).limb(i), b.value(2).limb(i),
                    b.shoup(2).limb(i), acc2.poly(0).limb(i), acc2.poly(1).limb(i), acc2.poly(2).limb(i),
                    ring.modulus(i));
        }
    }

    /** out (degree 1) = a * b, relinearised (not rescaled). */
    public void multiply(Ciphertext a, Ciphertext b, Ciphertext out) {
        multiplyNoRelin(a, b, product);
        relinearize(product, out);
    }

    /** @return a * b relinearised */
    public Ciphertext multiplyNew(Ciphertext a, Ciphertext b) {
        Ciphertext out = newCiphertext(1, Math.min(a.level(), b.level()), a.scale() * b.scale());
        multiply(a, b, out);
        return out;
    }

    /** out (degree 1) = relinearised ct (a degree-2 ciphertext; a degree-1 one is copied). */
    public void relinearize(Ciphertext ct, Ciphertext out) {
        checkParams(ct, out);
        int level = ct.level();
        double scale = ct.scale();
        if (ct.degree() == 1) {
            copy(ct, out);
            return;
        }
        RnsPoly c0 = ct.poly(0);
        RnsPoly c1 = ct.poly(1);
        switcher.switchKey(ct.poly(2), level, relinearizationKey());
        out.reset(1, level, scale);
        switcher.addResultTo(c0, c1, level, out);
    }

    /**
     * out (degree 1, level - 1) = rescale(relinearize(ct)) in one step: the key-switching division by P and
     * the rescaling division by q_level are done together, saving two NTTs and two inverse NTTs per call.
     * The search's once-per-block finish. A degree-1 ct is only rescaled.
     */
    public void relinearizeAndRescale(Ciphertext ct, Ciphertext out) {
        checkParams(ct, out);
        int level = ct.level();
        if (ct.degree() == 1 || level == 0) {
            if (level == 0) {
                throw new IllegalArgumentException("cannot rescale a ciphertext at level 0: no prime left to divide by");
            }
            rescale(ct, out);
            return;
        }
        RnsPoly c0 = ct.poly(0);
        RnsPoly c1 = ct.poly(1);
        RnsPoly c2 = ct.poly(2);
        double scale = ct.scale() / ring.modulus(level).value();
        out.reset(1, level - 1, scale);
        switcher.switchKeyAndRescale(c0, c1, c2, level, relinearizationKey(), out);
    }

    /** @return relinearised ct */
    public Ciphertext relinearizeNew(Ciphertext ct) {
        Ciphertext out = newCiphertext(1, ct.level(), ct.scale());
        relinearize(ct, out);
        return out;
    }

    // ---- levels and scales --------------------------------------------------------------------------------

    /** out = ct / q_level, rounded: level - 1, scale / q_level. */
    public void rescale(Ciphertext ct, Ciphertext out) {
        checkParams(ct, out);
        int level = ct.level();
        if (level == 0) {
            throw new IllegalArgumentException("cannot rescale a ciphertext at level 0: no prime left to divide by");
        }
        int degree = ct.degree();
        double scale = ct.scale() / ring.modulus(level).value();
        out.reset(degree, level - 1, scale);
        for (int d = 0; d <= degree; d++) {
            long[][] keep = new long[level][];
            long[][] target = new long[level][];
            for (int i = 0; i < level; i++) {
                keep[i] = ct.poly(d).limb(i);
                target[i] = out.poly(d).limb(i);
            }
            params.levelTables().rescale(level).divide(keep, new long[][] {ct.poly(d).limb(level)}, target,
                    rescaleScratch);
        }
    }

    /** @return ct rescaled */
    public Ciphertext rescaleNew(Ciphertext ct) {
        Ciphertext out = newCiphertext(ct.degree(), Math.max(ct.level() - 1, 0), ct.scale());
        rescale(ct, out);
        return out;
    }

    /** out = ct at {@code targetLevel} (dropping primes; value and scale unchanged). */
    public void dropLevel(Ciphertext ct, int targetLevel, Ciphertext out) {
        checkParams(ct, out);
        if (targetLevel < 0 || targetLevel > ct.level()) {
            throw new IllegalArgumentException("target level " + targetLevel + " must be in [0, " + ct.level() + "]");
        }
        int degree = ct.degree();
        double scale = ct.scale();
        if (out != ct) {
            out.reset(degree, targetLevel, scale);
            for (int d = 0; d <= degree; d++) {
                out.poly(d).copyFrom(ct.poly(d), targetLevel + 1);
            }
        }
        out.reset(degree, targetLevel, scale);
    }

    /** @return ct at {@code targetLevel} */
    public Ciphertext dropLevelNew(Ciphertext ct, int targetLevel) {
        Ciphertext out = newCiphertext(ct.degree(), targetLevel, ct.scale());
        dropLevel(ct, targetLevel, out);
        return out;
    }

    /**
     * out = ct with its scale changed to {@code targetScale}, same value: multiplies by the integer
     * round(targetScale * q_level / scale) and rescales, using one level. The relative difference between the
     * exact and the declared new scale is below 1/q_level and lands in the noise.
     *
     * @throws IllegalArgumentException at level 0, or if the target is out of reach (factor below 1 or above 2^62)
     */
    public void matchScale(Ciphertext ct, double targetScale, Ciphertext out) {
        checkParams(ct, out);
        int level = ct.level();
        if (level == 0) {
            throw new IllegalArgumentException("cannot change the scale at level 0: no prime left to rescale by");
        }
        double factor = targetScale * ring.modulus(level).value() / ct.scale();
        if (!(factor >= 1) || factor >= 0x1p62) {
            throw new IllegalArgumentException("scale 2^" + OperandChecks.log2(targetScale) + " cannot be reached from 2^"
                    + OperandChecks.log2(ct.scale()) + " at level " + level);
        }
        multiplyByInteger(ct, Math.round(factor), ct.scale() * Math.round(factor), out);
        rescale(out, out);
        out.reset(out.degree(), out.level(), targetScale);
    }

    /**
     * Brings a and b (in place) to a common level and scale: if the scales differ, the operand at the higher
     * level (a if equal) is moved to the other's scale with {@link #matchScale} (one level), then both drop to
     * the lower level.
     *
     * @throws IllegalArgumentException if the scales differ and the operand to adjust is at level 0
     */
    public void matchLevelAndScale(Ciphertext a, Ciphertext b) {
        checkParams(a, b);
        if (!OperandChecks.scalesAgree(a.scale(), b.scale())) {
            Ciphertext adjust = b.level() > a.level() ? b : a;
            Ciphertext reference = adjust == a ? b : a;
            matchScale(adjust, reference.scale(), adjust);
        }
        int level = Math.min(a.level(), b.level());
        dropLevel(a, level, a);
        dropLevel(b, level, b);
    }

    /** out = a copy of ct. */
    public void copy(Ciphertext ct, Ciphertext out) {
        checkParams(ct, out);
        if (out == ct) {
            return;
        }
        out.reset(ct.degree(), ct.level(), ct.scale());
        for (int d = 0; d <= ct.degree(); d++) {
            out.poly(d).copyFrom(ct.poly(d), ct.level() + 1);
        }
    }

    // ---- rotations ------------------------------------------------------------------------------------------

    /**
     * out = ct with slots rotated left by {@code steps} (slot i of out = slot i + steps of ct, cyclically);
     * needs the Galois key of that step. Key-switching noise is added at the ciphertext's scale.
     */
    public void rotate(Ciphertext ct, int steps, Ciphertext out) {
        checkParams(ct, out);
        OperandChecks.requireDegree(ct, 1, "rotate");
        long g = GaloisKeys.galoisElement(params, steps);
        if (g == 1) {
            copy(ct, out);
            return;
        }
        GaloisKeys galois = keys.galoisKeys();
        if (galois == null) {
            throw new IllegalStateException("no Galois keys in the evaluation keys; generate them with "
                    + "KeyGenerator.galoisKeys(secretKey, steps...) including step " + steps);
        }
        SwitchingKey key = galois.forStep(steps);
        rotation.apply(ct, g, key, out);
    }

    /** @return ct rotated left by {@code steps} */
    public Ciphertext rotateNew(Ciphertext ct, int steps) {
        Ciphertext out = newCiphertext(1, ct.level(), ct.scale());
        rotate(ct, steps, out);
        return out;
    }

    /**
     * out = sum of {@code count} consecutive slots: slot i of out = sum_{k &lt; count} slot (i + k) of ct.
     * {@code count} is a power of two; needs Galois keys for steps 1, 2, 4, ..., count/2.
     */
    public void sumSlots(Ciphertext ct, int count, Ciphertext out) {
        if (count < 1 || Integer.bitCount(count) != 1 || count > params.slots()) {
            throw new IllegalArgumentException("sumSlots count " + count + " must be a power of two in [1, "
                    + params.slots() + "]");
        }
        copy(ct, out);
        for (int step = 1; step < count; step <<= 1) {
            rotate(out, step, rotated);
            add(out, rotated, out);
        }
    }

    /** @return the sum of {@code count} consecutive slots */
    public Ciphertext sumSlotsNew(Ciphertext ct, int count) {
        Ciphertext out = newCiphertext(1, ct.level(), ct.scale());
        sumSlots(ct, count, out);
        return out;
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static void copyLimb(long[] from, long[] to) {
        if (from != to) {
            System.arraycopy(from, 0, to, 0, to.length);
        }
    }


    private SwitchingKey relinearizationKey() {
        RelinearizationKey rlk = keys.relinearizationKey();
        if (rlk == null) {
            throw new IllegalStateException("no relinearisation key in the evaluation keys; generate one with "
                    + "KeyGenerator.relinearizationKey(secretKey)");
        }
        return rlk.switchingKey();
    }

    // Fixed arities, not varargs: the checks run on the hot path and must not allocate.
    private void checkParams(Ciphertext a) {
        OperandChecks.sameParameters(params, a.params(), "ciphertext");
    }

    private void checkParams(Ciphertext a, Ciphertext b) {
        checkParams(a);
        checkParams(b);
    }

    private void checkParams(Ciphertext a, Ciphertext b, Ciphertext c) {
        checkParams(a, b);
        checkParams(c);
    }
}
