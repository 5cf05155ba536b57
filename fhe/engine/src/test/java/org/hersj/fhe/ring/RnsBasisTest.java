package org.hersj.fhe.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.arith.NttPrimes;
import org.junit.jupiter.api.Test;

/** Base conversion and rounding division against BigInteger CRT arithmetic. */
class RnsBasisTest {
    private static final int LOG_N = 4;
    private static final int N = 1 << LOG_N;
    private static final Random RANDOM = new Random(5);

    private static NttTables[] tables(int... bits) {
        Set<Long> used = new HashSet<>();
        NttTables[] out = new NttTables[bits.length];
        for (int i = 0; i < bits.length; i++) {
            long p = NttPrimes.generate(bits[i], 1, 2 * N, used).get(0);
            used.add(p);
            out[i] = new NttTables(new Modulus(p), LOG_N);
        }
        return out;
    }

    private static BigInteger product(NttTables[] t) {
        BigInteger p = BigInteger.ONE;
        for (NttTables x : t) {
            p = p.multiply(BigInteger.valueOf(x.modulus().value()));
        }
        return p;
    }

    private static Modulus[] moduli(NttTables[] t) {
        Modulus[] m = new Modulus[t.length];
        for (int i = 0; i < t.length; i++) {
            m[i] = t[i].modulus();
        }
        return m;
    }

    @Test
    void fastBaseConversionIsExactUpToASmallMultipleOfQ() {
        NttTables[] from = tables(50, 50, 45);
        NttTables[] to = tables(60, 36);
        BigInteger q = product(from);
        BasisConverter converter = new BasisConverter(moduli(from), moduli(to));
        long[][] in = new long[from.length][N];
        BigInteger[] x = new BigInteger[N];
        for (int c = 0; c < N; c++) {
            x[c] = new BigInteger(q.bitLength() + 8, RANDOM).mod(q);
            for (int i = 0; i < from.length; i++) {
                in[i][c] = x[c].mod(BigInteger.valueOf(from[i].modulus().value())).longValue();
            }
        }
        long[][] out = new long[to.length][N];
        converter.convert(in, out, new long[from.length][N]);
        for (int c = 0; c < N; c++) {
            boolean matched = false;
            for (int u = 0; u < from.length && !matched; u++) {
                BigInteger candidate = x[c].add(q.multiply(BigInteger.valueOf(u)));
                matched = true;
                for (int j = 0; j < to.length; j++) {
                    long expected = candidate.mod(BigInteger.valueOf(to[j].modulus().value())).longValue();
                    matched &= expected == out[j][c];
                }
            }
            assertTrue(matched, "coefficient " + c + " is x + u Q for a small u");
        }
    }

    @Test
    void roundingDivisionByOneAndTwoPrimes() {
        for (List<Integer> dropBits : List.of(List.of(41), List.of(60, 55))) {
            NttTables[] all = tables(60, 50, 41, dropBits.size() == 2 ? 55 : 30);
            NttTables[] keep = {all[0], all[1]};
            NttTables[] drop = dropBits.size() == 1 ? new NttTables[] {all[2]} : new NttTables[] {all[2], all[3]};
            BigInteger qKeep = product(keep);
            BigInteger d = product(drop);
            BigInteger total = qKeep.multiply(d);
            BigInteger[] x = new BigInteger[N];
            long[][] keepLimbs = new long[keep.length][N];
            long[][] dropLimbs = new long[drop.length][N];
            for (int c = 0; c < N; c++) {
                x[c] = new BigInteger(total.bitLength() + 8, RANDOM).mod(total);
                for (int i = 0; i < keep.length; i++) {
                    keepLimbs[i][c] = x[c].mod(BigInteger.valueOf(keep[i].modulus().value())).longValue();
                }
                for (int i = 0; i < drop.length; i++) {
                    dropLimbs[i][c] = x[c].mod(BigInteger.valueOf(drop[i].modulus().value())).longValue();
                }
            }
            for (int i = 0; i < keep.length; i++) {
                keep[i].forward(keepLimbs[i]);
            }
            for (int i = 0; i < drop.length; i++) {
                drop[i].forward(dropLimbs[i]);
            }
            RoundingDivider divider = new RoundingDivider(keep, drop);
            long[][] out = new long[keep.length][N];
            divider.divide(keepLimbs, dropLimbs, out, new long[divider.scratchLimbs()][N]);
            for (int i = 0; i < keep.length; i++) {
                keep[i].inverse(out[i]);
            }
            for (int c = 0; c < N; c++) {
                // centred x / D rounded, compared modulo qKeep with tolerance = number of drop primes
                BigInteger centred = x[c].compareTo(total.shiftRight(1)) > 0 ? x[c].subtract(total) : x[c];
                BigInteger rounded = new java.math.BigDecimal(centred).divide(new java.math.BigDecimal(d), 0,
                        java.math.RoundingMode.HALF_EVEN).toBigInteger();
                BigInteger got = BigInteger.valueOf(out[0][c]);
                for (int i = 1; i < keep.length; i++) {
                    // CRT of the two kept limbs
                    BigInteger q0 = BigInteger.valueOf(keep[0].modulus().value());
                    BigInteger q1 = BigInteger.valueOf(keep[1].modulus().value());
                    BigInteger v1 = BigInteger.valueOf(out[1][c]);
                    BigInteger t = v1.subtract(got).multiply(q0.modInverse(q1)).mod(q1);
                    got = got.add(q0.multiply(t));
                }
                BigInteger diff = got.subtract(rounded).mod(qKeep);
                if (diff.compareTo(qKeep.shiftRight(1)) > 0) {
                    diff = diff.subtract(qKeep);
                }
                assertEquals(BigInteger.ZERO, diff, "coefficient " + c + " rounds exactly with " + drop.length
                        + " drop primes");
            }
        }
    }
}
