package org.hersj.fhe.arith;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Deterministic generation of NTT-friendly primes: q prime, q = 1 (mod 2N), with an exact bit length.
 *
 * <p>Candidates are scanned downwards from 2^bits in steps of 2N, so the same request always yields the same
 * primes. Primality is decided by Miller-Rabin with the first twelve prime bases, which is exact for every
 * integer below 3.3 * 10^24.
 */
public final class NttPrimes {
    private static final long[] WITNESSES = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37};

    private NttPrimes() {
    }

    /**
     * Returns the {@code count} largest primes of exactly {@code bits} bits with q = 1 (mod 2N), skipping
     * {@code exclude}, in descending order.
     *
     * @param bits bit length of every prime, at most {@link Modulus#MAX_BITS}
     * @param count how many primes to return
     * @param twoN 2N, a power of two
     * @param exclude primes already taken by other moduli of the same parameter set
     * @return the primes, largest first
     * @throws IllegalArgumentException if fewer than {@code count} such primes exist
     */
    public static List<Long> generate(int bits, int count, long twoN, Set<Long> exclude) {
        if (bits < 2 || bits > Modulus.MAX_BITS) {
            throw new IllegalArgumentException("prime bit size " + bits + " must be in [2, " + Modulus.MAX_BITS + "]");
        }
        if (Long.bitCount(twoN) != 1) {
            throw new IllegalArgumentException("2N = " + twoN + " must be a power of two");
        }
        List<Long> primes = new ArrayList<>(count);
        long lower = 1L << (bits - 1);
        long candidate = ((1L << bits) - 1) / twoN * twoN + 1;
        if (candidate >= (1L << bits)) {
            candidate -= twoN;
        }
        while (primes.size() < count && candidate > lower) {
            if (!exclude.contains(candidate) && isPrime(candidate)) {
                primes.add(candidate);
            }
            candidate -= twoN;
        }
        if (primes.size() < count) {
            throw new IllegalArgumentException("only " + primes.size() + " primes of " + bits + " bits are = 1 mod "
                    + twoN + " but " + count + " were requested; use a larger bit size for this ring degree");
        }
        return primes;
    }

    /**
     * Deterministic primality test for 0 &lt;= n &lt; 2^60.
     *
     * @param n the number to test
     * @return whether n is prime
     */
    public static boolean isPrime(long n) {
        if (n < 2) {
            return false;
        }
        for (long p : WITNESSES) {
            if (n == p) {
                return true;
            }
            if (n % p == 0) {
                return false;
            }
        }
        Modulus m = new Modulus(n);
        long d = n - 1;
        int r = Long.numberOfTrailingZeros(d);
        d >>>= r;
        for (long a : WITNESSES) {
            long x = m.pow(a, d);
            if (x == 1 || x == n - 1) {
                continue;
            }
            boolean composite = true;
            for (int i = 1; i < r; i++) {
                x = m.mul(x, x);
                if (x == n - 1) {
                    composite = false;
                    break;
                }
            }
            if (composite) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the smallest primitive 2N-th root of unity psi modulo a prime q = 1 (mod 2N), i.e. the
     * smallest psi with psi^N = -1 among the values x^((q-1)/2N), x = 2, 3, ...
     *
     * @param modulus the prime
     * @param twoN 2N, a power of two dividing q - 1
     * @return psi
     */
    public static long primitiveRoot(Modulus modulus, long twoN) {
        long q = modulus.value();
        if ((q - 1) % twoN != 0) {
            throw new IllegalArgumentException(q + " is not 1 mod " + twoN);
        }
        long exponent = (q - 1) / twoN;
        long best = -1;
        for (long x = 2; x < q && x < 2 + 4096; x++) {
            long psi = modulus.pow(x, exponent);
            if (modulus.pow(psi, twoN / 2) == q - 1) {
                // every primitive root is psi^k for odd k; pick the smallest for determinism
                long power = psi;
                long square = modulus.mul(psi, psi);
                best = psi;
                for (long k = 1; k < twoN; k += 2) {
                    best = Math.min(best, power);
                    power = modulus.mul(power, square);
                }
                return best;
            }
        }
        throw new IllegalArgumentException("no primitive " + twoN + "-th root of unity modulo " + q);
    }
}
