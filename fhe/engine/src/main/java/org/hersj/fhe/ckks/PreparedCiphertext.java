package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.RnsPoly;

/**
 * A degree-1 ciphertext prepared as the fixed operand of many products: its polynomials b_0, b_1 and their
 * sum b_0 + b_1, each with precomputed Shoup quotients, so that
 * {@link Evaluator#multiplyAccumulate(Ciphertext, PreparedCiphertext, Ciphertext)} needs three Shoup
 * products (Karatsuba) and no Barrett reduction. Made for the search, where one probe ciphertext per
 * dimension multiplies every gallery block. Costs six polynomials of memory (nine where the SIMD kernel runs,
 * {@link SimdSupport}). Immutable; thread-safe.
 */
public final class PreparedCiphertext {
    private final CkksParameters params;
    private final int level;
    private final double scale;
    private final RnsPoly[] values;
    private final RnsPoly[] shoups;
    /** ratios[k][limb] = value(k) / q_limb as doubles for limbs of the SIMD kernel, else null. */
    private final double[][][] ratios;

    PreparedCiphertext(CkksParameters params, Ciphertext b) {
        this(params, b, SimdSupport.ENABLED);
    }

    /** @param simd whether to add the SIMD kernel's ratios for the limbs it handles (tests force it) */
    PreparedCiphertext(CkksParameters params, Ciphertext b, boolean simd) {
        OperandChecks.requireDegree(b, 1, "prepare");
        this.params = params;
        this.level = b.level();
        this.scale = b.scale();
        int n = params.ringDegree();
        values = new RnsPoly[3];
        shoups = new RnsPoly[3];
        for (int k = 0; k < 3; k++) {
            values[k] = new RnsPoly(n, level + 1);
            shoups[k] = new RnsPoly(n, level + 1);
        }
        ratios = new double[3][level + 1][];
        for (int i = 0; i <= level; i++) {
            Modulus m = params.ring().modulus(i);
            long[] b0 = b.poly(0).limb(i);
            long[] b1 = b.poly(1).limb(i);
            for (int c = 0; c < n; c++) {
                long sum = m.add(b0[c], b1[c]);
                values[0].limb(i)[c] = b0[c];
                values[1].limb(i)[c] = b1[c];
                values[2].limb(i)[c] = sum;
                shoups[0].limb(i)[c] = m.shoup(b0[c]);
                shoups[1].limb(i)[c] = m.shoup(b1[c]);
                shoups[2].limb(i)[c] = m.shoup(sum);
            }
            if (simd && SimdInnerProduct.handles(m.value())) {
                for (int k = 0; k < 3; k++) {
                    ratios[k][i] = SimdInnerProduct.ratios(values[k].limb(i), m.value());
                }
            }
        }
    }

    /** @return the parameters */
    public CkksParameters params() {
        return params;
    }

    /** @return the level of the prepared ciphertext */
    public int level() {
        return level;
    }

    /** @return its scale */
    public double scale() {
        return scale;
    }

    /** @return b_0 (k = 0), b_1 (k = 1) or b_0 + b_1 (k = 2), live */
    RnsPoly value(int k) {
        return values[k];
    }

    /** @return the Shoup quotients of {@link #value(int)} */
    RnsPoly shoup(int k) {
        return shoups[k];
    }

    /** @return limb {@code limb} of {@link #value(int)} divided by its prime, as doubles, or null if not made */
    double[] ratios(int k, int limb) {
        return ratios[k][limb];
    }
}
