package org.hersj.fhe.ckks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.hersj.fhe.ring.RnsPoly;
import org.hersj.fhe.ring.RnsRing;
import org.junit.jupiter.api.Test;

class LevelTablesTest {
    // three Q primes and two P primes, so that the P limbs do not follow limb `level` at any level but the top
    private static final CkksParameters PARAMS = CkksParameters.of(new CkksParametersLiteral(10,
            List.of(50, 40, 40), List.of(45, 45), 40, SecurityLevel.BITS_128, true));

    @Test
    void divideByPRoundsAPairGivenByRingLimbAtEveryLevel() {
        RnsRing ring = PARAMS.ring();
        int n = PARAMS.ringDegree();
        int qCount = PARAMS.maxLevel() + 1;
        assertEquals(2, PARAMS.pCount(), "the test wants two P primes");
        BigInteger p = BigInteger.ONE;
        for (int k = 0; k < PARAMS.pCount(); k++) {
            p = p.multiply(BigInteger.valueOf(ring.modulus(qCount + k).value()));
        }
        Random random = new Random(3);
        for (int level = 0; level <= PARAMS.maxLevel(); level++) {
            long[] m0 = smallCoefficients(n, random);
            long[] m1 = smallCoefficients(n, random);
            long[][] x0 = timesPPlusRemainder(m0, p, random);
            long[][] x1 = timesPPlusRemainder(m1, p, random);
            long[][] before0 = deepCopy(x0);
            RnsPoly out0 = new RnsPoly(n, qCount);
            RnsPoly out1 = new RnsPoly(n, qCount);
            long[][] scratch = new long[PARAMS.levelTables().modDown(level).scratchLimbs()][n];
            PARAMS.levelTables().divideByP(level, x0, x1, out0, out1, scratch);
            for (int i = 0; i <= level; i++) {
                assertArrayEquals(residues(m0, i), coefficients(out0, i), "c0, level " + level + ", limb " + i);
                assertArrayEquals(residues(m1, i), coefficients(out1, i), "c1, level " + level + ", limb " + i);
            }
            for (int i = 0; i < x0.length; i++) {
                assertArrayEquals(before0[i], x0[i], "input limb " + i + " modified at level " + level);
            }
        }
    }

    // coefficients in [-2^20, 2^20)
    private static long[] smallCoefficients(int n, Random random) {
        long[] m = new long[n];
        for (int c = 0; c < n; c++) {
            m[c] = random.nextInt(1 << 21) - (1 << 20);
        }
        return m;
    }

    // x = m P + r with |r| <= P / 4 (well away from a rounding tie), over every ring limb, NTT form
    private static long[][] timesPPlusRemainder(long[] m, BigInteger p, Random random) {
        RnsRing ring = PARAMS.ring();
        int n = m.length;
        BigInteger quarter = p.shiftRight(2);
        long[][] x = new long[ring.size()][n];
        for (int c = 0; c < n; c++) {
            BigInteger r = new BigInteger(quarter.bitLength() + 1, random).mod(quarter.shiftLeft(1)).subtract(quarter);
            BigInteger value = BigInteger.valueOf(m[c]).multiply(p).add(r);
            for (int i = 0; i < ring.size(); i++) {
                x[i][c] = value.mod(BigInteger.valueOf(ring.modulus(i).value())).longValueExact();
            }
        }
        for (int i = 0; i < ring.size(); i++) {
            ring.ntt(i).forward(x[i]);
        }
        return x;
    }

    private static long[] residues(long[] m, int limb) {
        long q = PARAMS.ring().modulus(limb).value();
        long[] out = new long[m.length];
        for (int c = 0; c < m.length; c++) {
            out[c] = Math.floorMod(m[c], q);
        }
        return out;
    }

    private static long[] coefficients(RnsPoly poly, int limb) {
        long[] copy = poly.limb(limb).clone();
        PARAMS.ring().ntt(limb).inverse(copy);
        return copy;
    }

    private static long[][] deepCopy(long[][] limbs) {
        long[][] copy = new long[limbs.length][];
        for (int i = 0; i < limbs.length; i++) {
            copy[i] = limbs[i].clone();
        }
        return copy;
    }
}
