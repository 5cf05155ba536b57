package org.hersj.fhe.ring;

import java.util.HashMap;
import java.util.Map;
import org.hersj.fhe.arith.Modulus;

/**
 * The ring Z_Q[X]/(X^N + 1) over an ordered list of primes, with one NTT table per prime and the slot
 * permutations that realise automorphisms X -&gt; X^g directly on NTT evaluations. Immutable and
 * thread-safe.
 */
public final class RnsRing {
    private final int logN;
    private final int degree;
    private final Modulus[] moduli;
    private final NttTables[] ntt;
    private final int[] slotExponent;
    private final int[] slotOfExponent;

    /**
     * @param logN log2 of the ring degree
     * @param primes distinct primes = 1 (mod 2N), each below 2^60
     */
    public RnsRing(int logN, long[] primes) {
        this.logN = logN;
        this.degree = 1 << logN;
        this.moduli = new Modulus[primes.length];
        this.ntt = new NttTables[primes.length];
        for (int i = 0; i < primes.length; i++) {
            moduli[i] = new Modulus(primes[i]);
            ntt[i] = new NttTables(moduli[i], logN);
        }
        slotExponent = new int[degree];
        slotOfExponent = new int[2 * degree];
        computeSlotExponents();
    }

    // Finds, for each NTT slot i, the odd exponent e with NTT(a)[i] = a(psi^e), by transforming a = X.
    private void computeSlotExponents() {
        Modulus m = moduli[0];
        long psi = ntt[0].psi();
        Map<Long, Integer> exponentOf = new HashMap<>();
        long power = 1;
        for (int e = 0; e < 2 * degree; e++) {
            exponentOf.put(power, e);
            power = m.mul(power, psi);
        }
        long[] x = new long[degree];
        if (degree > 1) {
            x[1] = 1;
        } else {
            x[0] = 1;
        }
        ntt[0].forward(x);
        for (int i = 0; i < degree; i++) {
            int e = degree > 1 ? exponentOf.get(x[i]) : 1;
            slotExponent[i] = e;
            slotOfExponent[e] = i;
        }
    }

    /** @return log2 N */
    public int logN() {
        return logN;
    }

    /** @return the ring degree N */
    public int degree() {
        return degree;
    }

    /** @return the number of primes */
    public int size() {
        return moduli.length;
    }

    /** @return the i-th prime */
    public Modulus modulus(int i) {
        return moduli[i];
    }

    /** @return the NTT tables of the i-th prime */
    public NttTables ntt(int i) {
        return ntt[i];
    }

    /**
     * The permutation of NTT slots that applies X -&gt; X^g: {@code out[i] = in[perm[i]]}.
     *
     * @param galoisElement odd g in [1, 2N)
     * @return perm
     */
    public int[] automorphismPermutation(long galoisElement) {
        long twoN = 2L * degree;
        if ((galoisElement & 1) == 0 || galoisElement <= 0 || galoisElement >= twoN) {
            throw new IllegalArgumentException("Galois element " + galoisElement + " must be odd and in [1, " + twoN + ")");
        }
        int[] perm = new int[degree];
        for (int i = 0; i < degree; i++) {
            int e = (int) ((slotExponent[i] * galoisElement) % twoN);
            perm[i] = slotOfExponent[e];
        }
        return perm;
    }

    /**
     * Applies an automorphism to one NTT-form limb: out[i] = in[perm[i]]. {@code out} must not alias {@code in}.
     *
     * @param in source evaluations
     * @param perm from {@link #automorphismPermutation}
     * @param out destination
     */
    public static void permute(long[] in, int[] perm, long[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = in[perm[i]];
        }
    }
}
