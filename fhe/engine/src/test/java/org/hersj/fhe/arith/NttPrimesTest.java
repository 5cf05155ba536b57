package org.hersj.fhe.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NttPrimesTest {
    @Test
    void generatesDistinctDescendingNttPrimesOfExactSize() {
        long twoN = 1 << 14;
        List<Long> primes = NttPrimes.generate(41, 5, twoN, Set.of());
        for (int i = 0; i < primes.size(); i++) {
            long p = primes.get(i);
            assertEquals(41, 64 - Long.numberOfLeadingZeros(p), "bit size of " + p);
            assertEquals(1, p % twoN, p + " = 1 mod 2N");
            assertTrue(BigInteger.valueOf(p).isProbablePrime(60), p + " is prime");
            if (i > 0) {
                assertTrue(p < primes.get(i - 1), "descending");
            }
        }
        // the largest such prime: nothing between it and 2^41 is prime and = 1 mod 2N
        for (long c = primes.get(0) + twoN; c < (1L << 41); c += twoN) {
            assertTrue(!BigInteger.valueOf(c).isProbablePrime(60), c + " would have been a larger prime");
        }
        assertEquals(primes, NttPrimes.generate(41, 5, twoN, Set.of()), "deterministic");
        List<Long> skipping = NttPrimes.generate(41, 1, twoN, Set.of(primes.get(0)));
        assertEquals(primes.get(1), skipping.get(0), "excluded primes are skipped");
    }

    @Test
    void millerRabinAgreesWithBigInteger() {
        for (long n = 0; n < 5000; n++) {
            assertEquals(BigInteger.valueOf(n).isProbablePrime(50), NttPrimes.isPrime(n), "n = " + n);
        }
        long carmichael = 3215031751L; // strong pseudoprime to bases 2, 3, 5, 7
        assertTrue(!NttPrimes.isPrime(carmichael));
        long big = (1L << 59) + 1;
        for (long n = big; n < big + 2000; n += 2) {
            assertEquals(BigInteger.valueOf(n).isProbablePrime(60), NttPrimes.isPrime(n), "n = " + n);
        }
    }

    @Test
    void primitiveRootHasOrderExactly2N() {
        long twoN = 1 << 13;
        long q = NttPrimes.generate(45, 1, twoN, Set.of()).get(0);
        Modulus m = new Modulus(q);
        long psi = NttPrimes.primitiveRoot(m, twoN);
        assertEquals(q - 1, m.pow(psi, twoN / 2));
        assertEquals(1, m.pow(psi, twoN));
        assertNotEquals(1, m.pow(psi, twoN / 4));
    }

    @Test
    void tooFewPrimesIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NttPrimes.generate(14, 50, 1 << 12, Set.of()));
        assertTrue(e.getMessage().contains("14 bits"), e.getMessage());
    }
}
