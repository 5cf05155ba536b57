package org.hersj.fhe.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModulusTest {
    private static final Random RANDOM = new Random(7);

    private static long[] testModuli() {
        return new long[] {
            NttPrimes.generate(60, 1, 1 << 14, Set.of()).get(0),
            NttPrimes.generate(41, 1, 1 << 14, Set.of()).get(0),
            NttPrimes.generate(30, 1, 1 << 14, Set.of()).get(0),
            NttPrimes.generate(17, 1, 1 << 8, Set.of()).get(0),
            (1L << 60) - 1 - 2, // odd, not prime: arithmetic must still reduce correctly
            3,
        };
    }

    private static long below(long q) {
        return Math.floorMod(RANDOM.nextLong(), q);
    }

    @Test
    void barrettAndShoupMatchBigInteger() {
        for (long q : testModuli()) {
            Modulus m = new Modulus(q);
            BigInteger bq = BigInteger.valueOf(q);
            for (int i = 0; i < 20_000; i++) {
                long a = i < 3 ? q - 1 - i % 2 : below(q);
                long b = i < 3 ? q - 1 : i == 3 ? 0 : i == 4 ? 1 : below(q);
                long expected = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).mod(bq).longValue();
                assertEquals(expected, m.mul(a, b), "mul " + a + "*" + b + " mod " + q);
                long ws = m.shoup(b);
                assertEquals(BigInteger.valueOf(b).shiftLeft(63).divide(bq).longValue(), ws, "shoup quotient");
                assertEquals(expected, m.mulShoup(a, b, ws), "mulShoup");
                long lazy = m.mulShoupLazy(a + 3 * q, b, ws); // a < 4q < 2^62
                assertEquals(expected, lazy % q, "lazy Shoup congruence");
                assertEquals(true, lazy >= 0 && lazy < 2 * q, "lazy Shoup range");
            }
        }
    }

    @Test
    void reduce128CoversTwoSquaresPlusQ() {
        for (long q : testModuli()) {
            Modulus m = new Modulus(q);
            BigInteger bq = BigInteger.valueOf(q);
            BigInteger max = bq.multiply(bq).shiftLeft(1).add(bq).subtract(BigInteger.ONE);
            for (int i = 0; i < 5_000; i++) {
                BigInteger x = i == 0 ? max : new BigInteger(max.bitLength() + 1, RANDOM).mod(max.add(BigInteger.ONE));
                long hi = x.shiftRight(64).longValue();
                long lo = x.longValue();
                assertEquals(x.mod(bq).longValue(), m.reduce128(hi, lo), "reduce128 of " + x + " mod " + q);
                long lazy = m.reduce128Lazy(hi, lo);
                assertTrue(lazy >= 0 && lazy < 3 * q, "lazy Barrett range");
                assertEquals(x.mod(bq).longValue(), lazy % q, "lazy Barrett congruence");
                long acc = Math.floorMod(lo, q);
                assertEquals((lazy + acc) % q, m.reduceFrom4q(lazy + acc), "reduceFrom4q");
            }
            for (int i = 0; i < 1000; i++) {
                long x = RANDOM.nextLong() >>> 1;
                assertEquals(x % q, m.reduceWord(x));
                assertEquals(Math.floorMod(x - (1L << 62), q), m.reduceSigned(x - (1L << 62)));
            }
        }
    }

    @Test
    void inverseAndPowerAgreeWithBigInteger() {
        long q = NttPrimes.generate(50, 1, 1 << 12, Set.of()).get(0);
        Modulus m = new Modulus(q);
        for (int i = 0; i < 200; i++) {
            long a = 1 + below(q - 1);
            assertEquals(BigInteger.valueOf(a).modInverse(BigInteger.valueOf(q)).longValue(), m.inverse(a));
            long e = RANDOM.nextLong() >>> 2;
            assertEquals(BigInteger.valueOf(a).modPow(BigInteger.valueOf(e), BigInteger.valueOf(q)).longValue(), m.pow(a, e));
        }
        assertThrows(ArithmeticException.class, () -> m.inverse(q));
    }

    @Test
    void rejectsUnsupportedModuli() {
        assertThrows(IllegalArgumentException.class, () -> new Modulus(1L << 60));
        assertThrows(IllegalArgumentException.class, () -> new Modulus(1024));
        assertThrows(IllegalArgumentException.class, () -> new Modulus(1));
    }
}
