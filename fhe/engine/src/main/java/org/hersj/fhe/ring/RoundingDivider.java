package org.hersj.fhe.ring;

import org.hersj.fhe.arith.Modulus;

/**
 * Divides a polynomial given in the basis {keep} + {drop} by the product D of the drop primes and returns
 * it in the basis {keep}: out = (x - [x]_D) / D. Both rescaling (drop the last q) and the final step of
 * hybrid key switching (drop the special primes P) are this operation. Inputs and outputs are in NTT form.
 *
 * <p>The result is the rounded quotient (error at most 1/2 per coefficient; a floating-point tie may give
 * the other neighbour). Immutable and thread-safe; callers pass scratch.
 */
public final class RoundingDivider {
    private final Modulus[] keep;
    private final NttTables[] keepNtt;
    private final NttTables[] dropNtt;
    private final BasisConverter converter;
    private final long[] inverse;
    private final long[] inverseShoup;

    /**
     * @param keepNtt NTT tables of the primes that stay
     * @param dropNtt NTT tables of the primes divided out
     */
    public RoundingDivider(NttTables[] keepNtt, NttTables[] dropNtt) {
        this.keepNtt = keepNtt.clone();
        this.dropNtt = dropNtt.clone();
        this.keep = new Modulus[keepNtt.length];
        Modulus[] drop = new Modulus[dropNtt.length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = keepNtt[i].modulus();
        }
        for (int i = 0; i < drop.length; i++) {
            drop[i] = dropNtt[i].modulus();
        }
        converter = new BasisConverter(drop, keep);
        inverse = new long[keep.length];
        inverseShoup = new long[keep.length];
        for (int i = 0; i < keep.length; i++) {
            long product = 1;
            for (Modulus d : drop) {
                product = keep[i].mul(product, keep[i].reduceWord(d.value()));
            }
            inverse[i] = keep[i].inverse(product);
            inverseShoup[i] = keep[i].shoup(inverse[i]);
        }
    }

    /** @return the number of scratch limbs {@link #divide} needs */
    public int scratchLimbs() {
        return keep.length + 2 * dropNtt.length;
    }

    /**
     * out_i = (x_i - [x]_D) * D^-1 mod keep_i, all in NTT form.
     *
     * @param keepLimbs x in the kept primes (NTT form, not modified unless aliased with out)
     * @param dropLimbs x in the dropped primes (NTT form, not modified)
     * @param out result limbs, one per kept prime (may be {@code keepLimbs})
     * @param scratch at least {@link #scratchLimbs()} limbs of length N, overwritten
     */
    public void divide(long[][] keepLimbs, long[][] dropLimbs, long[][] out, long[][] scratch) {
        int drops = dropNtt.length;
        int n = out[0].length;
        long[][] dropped = new long[drops][];
        long[][] converterScratch = new long[drops][];
        long[][] lifted = new long[keep.length][];
        for (int i = 0; i < drops; i++) {
            dropped[i] = scratch[i];
            converterScratch[i] = scratch[drops + i];
            System.arraycopy(dropLimbs[i], 0, dropped[i], 0, n);
            dropNtt[i].inverse(dropped[i]);
        }
        for (int i = 0; i < keep.length; i++) {
            lifted[i] = scratch[2 * drops + i];
        }
        converter.convertCentred(dropped, lifted, converterScratch);
        for (int i = 0; i < keep.length; i++) {
            keepNtt[i].forward(lifted[i]);
            Modulus m = keep[i];
            long q = m.value();
            long w = inverse[i];
            long ws = inverseShoup[i];
            long[] x = keepLimbs[i];
            long[] l = lifted[i];
            long[] o = out[i];
            for (int c = 0; c < n; c++) {
                o[c] = m.mulShoup(x[c] - l[c] + q, w, ws);
            }
        }
    }
}
