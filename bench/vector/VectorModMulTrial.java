import java.util.Random;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Does the JDK Vector API speed up the search's kernel, a Shoup multiply-accumulate of 64-bit residues
 * (acc += a * w mod q, lazily in [0, 2q))? A stand-alone trial, not part of the build: it needs a JDK with
 * jdk.incubator.vector and runs in source-file mode,
 *
 * <pre>/usr/lib/jvm/temurin-25-jdk-amd64/bin/java --add-modules jdk.incubator.vector bench/vector/VectorModMulTrial.java</pre>
 *
 * The Vector API has no 64 x 64 -> 128-bit multiply, so the high half of the Shoup product is built from
 * four 32 x 32-bit products per lane. Both kernels are checked equal before they are timed; the timing is
 * the median of repeated passes (ns per residue product), with the machine's load printed beside it.
 */
public final class VectorModMulTrial {
    static final VectorSpecies<Long> S = LongVector.SPECIES_PREFERRED;
    static final int N = 4096;
    static final int TERMS = 16;

    public static void main(String[] args) {
        long q = (1L << 54) - 33 * (1L << 12) + 1; // any odd 54-bit modulus works for the kernel
        Random r = new Random(1);
        long[][] a = new long[TERMS][N];
        long[][] w = new long[TERMS][N];
        long[][] ws = new long[TERMS][N];
        for (int t = 0; t < TERMS; t++) {
            for (int c = 0; c < N; c++) {
                a[t][c] = Math.floorMod(r.nextLong(), q);
                w[t][c] = Math.floorMod(r.nextLong(), q);
                ws[t][c] = shoup(w[t][c], q);
            }
        }
        long[] scalar = new long[N];
        long[] vector = new long[N];
        scalar(a, w, ws, q, scalar);
        vector(a, w, ws, q, vector);
        for (int c = 0; c < N; c++) {
            if (Math.floorMod(scalar[c], q) != Math.floorMod(vector[c], q)) {
                throw new AssertionError("kernels differ at " + c + ": " + scalar[c] + " vs " + vector[c]);
            }
        }
        System.out.println("species " + S + ", kernels agree on " + N + " x " + TERMS + " products");
        for (int round = 0; round < 6; round++) {
            double s = time(() -> scalar(a, w, ws, q, scalar));
            double v = time(() -> vector(a, w, ws, q, vector));
            System.out.printf("round %d: scalar %.3f ns/product, vector %.3f ns/product, vector/scalar %.2f%n",
                    round, s, v, v / s);
        }
        System.out.println("load: " + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    // floor(w * 2^63 / q), the engine's Shoup constant for multiplyHigh(a << 1, ws)
    static long shoup(long w, long q) {
        return java.math.BigInteger.valueOf(w).shiftLeft(63).divide(java.math.BigInteger.valueOf(q)).longValue();
    }

    static void scalar(long[][] a, long[][] w, long[][] ws, long q, long[] acc) {
        java.util.Arrays.fill(acc, 0);
        long twoQ = 2 * q;
        for (int t = 0; t < TERMS; t++) {
            long[] x = a[t], y = w[t], ys = ws[t];
            for (int c = 0; c < N; c++) {
                long p = x[c] * y[c] - Math.multiplyHigh(x[c] << 1, ys[c]) * q;
                long s = acc[c] + p;
                acc[c] = s >= twoQ ? s - twoQ : s;
            }
        }
    }

    static void vector(long[][] a, long[][] w, long[][] ws, long q, long[] acc) {
        java.util.Arrays.fill(acc, 0);
        LongVector qv = LongVector.broadcast(S, q);
        LongVector twoQ = LongVector.broadcast(S, 2 * q);
        for (int t = 0; t < TERMS; t++) {
            long[] x = a[t], y = w[t], ys = ws[t];
            for (int c = 0; c < N; c += S.length()) {
                LongVector xv = LongVector.fromArray(S, x, c);
                LongVector hi = mulHighUnsigned(xv.lanewise(VectorOperators.LSHL, 1), LongVector.fromArray(S, ys, c));
                LongVector p = xv.mul(LongVector.fromArray(S, y, c)).sub(hi.mul(qv));
                LongVector s = LongVector.fromArray(S, acc, c).add(p);
                VectorMask<Long> over = s.compare(VectorOperators.GE, twoQ);
                s.sub(twoQ, over).intoArray(acc, c);
            }
        }
    }

    // high 64 bits of the unsigned 128-bit product, from four 32 x 32-bit products
    static LongVector mulHighUnsigned(LongVector x, LongVector y) {
        LongVector xl = x.and(0xFFFF_FFFFL);
        LongVector xh = x.lanewise(VectorOperators.LSHR, 32);
        LongVector yl = y.and(0xFFFF_FFFFL);
        LongVector yh = y.lanewise(VectorOperators.LSHR, 32);
        LongVector ll = xl.mul(yl);
        LongVector lh = xl.mul(yh);
        LongVector hl = xh.mul(yl);
        LongVector hh = xh.mul(yh);
        LongVector mid = ll.lanewise(VectorOperators.LSHR, 32).add(lh.and(0xFFFF_FFFFL)).add(hl.and(0xFFFF_FFFFL));
        return hh.add(lh.lanewise(VectorOperators.LSHR, 32)).add(hl.lanewise(VectorOperators.LSHR, 32))
                .add(mid.lanewise(VectorOperators.LSHR, 32));
    }

    static double time(Runnable pass) {
        int reps = 200;
        double[] ns = new double[15];
        for (int k = 0; k < ns.length; k++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                pass.run();
            }
            ns[k] = (System.nanoTime() - t0) / (double) reps / (N * TERMS);
        }
        java.util.Arrays.sort(ns);
        return ns[ns.length / 2];
    }
}
