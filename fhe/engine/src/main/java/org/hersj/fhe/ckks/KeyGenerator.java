package org.hersj.fhe.ckks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.LimbArithmetic;
import org.hersj.fhe.ring.PolySampler;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.ring.RnsPoly;
import org.hersj.fhe.ring.RnsRing;

/**
 * Client-side key generation: a ternary secret, the public key, and switching keys (relinearisation and
 * rotations) for hybrid key switching. Errors are Gaussian with sigma 3.2. Not thread-safe.
 */
public final class KeyGenerator {
    private final CkksParameters params;
    private final RnsRing ring;
    private final PolySampler sampler;

    /**
     * @param params parameters
     * @param random the random stream: {@link RandomSource#secure()}; a deterministic test stream is refused
     *               outside test runs ({@link RandomSource#requireSecureFor})
     */
    public KeyGenerator(CkksParameters params, RandomSource random) {
        random.requireSecureFor("CKKS key generation");
        this.params = params;
        this.ring = params.ring();
        this.sampler = new PolySampler(ring, random);
    }

    /** @return a fresh secret key */
    public SecretKey secretKey() {
        RnsPoly s = new RnsPoly(params.ringDegree(), ring.size());
        sampler.ternary(s, ring.size());
        return new SecretKey(params, s);
    }

    /**
     * @param sk the secret key
     * @return the public key (b, a) = (-a s + e, a) over q_0 .. q_L and the special primes, if any
     *         ({@link PublicKey#extended()})
     */
    public PublicKey publicKey(SecretKey sk) {
        checkKey(sk);
        int limbs = ring.size();
        RnsPoly a = new RnsPoly(params.ringDegree(), limbs);
        RnsPoly b = new RnsPoly(params.ringDegree(), limbs);
        sampler.uniform(a, limbs);
        sampler.gaussian(b, limbs);
        for (int i = 0; i < limbs; i++) {
            Modulus m = ring.modulus(i);
            long[] as = new long[params.ringDegree()];
            LimbArithmetic.mul(a.limb(i), sk.poly().limb(i), as, m);
            LimbArithmetic.sub(b.limb(i), as, b.limb(i), m);
        }
        return new PublicKey(params, b, a);
    }

    /**
     * @param sk the secret key
     * @return the key that turns a degree-2 ciphertext into a degree-1 one
     */
    public RelinearizationKey relinearizationKey(SecretKey sk) {
        checkKey(sk);
        RnsPoly s2 = new RnsPoly(params.ringDegree(), ring.size());
        for (int i = 0; i < ring.size(); i++) {
            LimbArithmetic.mul(sk.poly().limb(i), sk.poly().limb(i), s2.limb(i), ring.modulus(i));
        }
        return new RelinearizationKey(switchingKey(sk, s2, 0));
    }

    /**
     * @param sk the secret key
     * @param steps rotation steps (left by k slots; negative means right) the server may perform
     * @return one key per distinct step
     */
    public GaloisKeys galoisKeys(SecretKey sk, int... steps) {
        checkKey(sk);
        Map<Long, SwitchingKey> keys = new LinkedHashMap<>();
        for (int step : steps) {
            long g = GaloisKeys.galoisElement(params, step);
            if (g == 1 || keys.containsKey(g)) {
                continue;
            }
            int[] perm = ring.automorphismPermutation(g);
            RnsPoly rotated = new RnsPoly(params.ringDegree(), ring.size());
            for (int i = 0; i < ring.size(); i++) {
                RnsRing.permute(sk.poly().limb(i), perm, rotated.limb(i));
            }
            keys.put(g, switchingKey(sk, rotated, params.rotationDecompositionBits()));
        }
        return new GaloisKeys(params, keys);
    }

    // Digit j holds P * factor_j(i) * s' in the q_i limbs it covers: factor 1 for plain RNS digits,
    // 2^(w k) for word k of q_i under a w-bit decomposition.
    private SwitchingKey switchingKey(SecretKey sk, RnsPoly sPrime, int decompositionBits) {
        if (!params.supportsKeySwitching()) {
            throw new IllegalStateException("parameters " + params + " have no special prime or no prime to rescale"
                    + " by, so no relinearisation or rotation keys are made; their products stay of degree 2 (decrypt"
                    + " with s and s^2)");
        }
        int limbs = ring.size();
        int qCount = params.maxLevel() + 1;
        int digitCount = SwitchingKey.digitCount(params, decompositionBits);
        int[] digitPrimeStart = new int[digitCount];
        int[] digitPrimeEnd = new int[digitCount];
        int[] digitShift = new int[digitCount];
        if (decompositionBits == 0) {
            LevelTables.Digit[] digits = params.levelTables().digits(params.maxLevel());
            for (int j = 0; j < digitCount; j++) {
                digitPrimeStart[j] = digits[j].start();
                digitPrimeEnd[j] = digits[j].end();
            }
        } else {
            for (int i = 0; i < qCount; i++) {
                int first = SwitchingKey.firstWord(params, decompositionBits, i);
                for (int k = 0; k < SwitchingKey.wordsOf(params, decompositionBits, i); k++) {
                    digitPrimeStart[first + k] = i;
                    digitPrimeEnd[first + k] = i + 1;
                    digitShift[first + k] = k * decompositionBits;
                }
            }
        }
        RnsPoly[] b = new RnsPoly[digitCount];
        RnsPoly[] a = new RnsPoly[digitCount];
        long[] tmp = new long[params.ringDegree()];
        for (int j = 0; j < digitCount; j++) {
            a[j] = new RnsPoly(params.ringDegree(), limbs);
            b[j] = new RnsPoly(params.ringDegree(), limbs);
            sampler.uniform(a[j], limbs);
            sampler.gaussian(b[j], limbs);
            for (int i = 0; i < limbs; i++) {
                Modulus m = ring.modulus(i);
                LimbArithmetic.mul(a[j].limb(i), sk.poly().limb(i), tmp, m);
                LimbArithmetic.sub(b[j].limb(i), tmp, b[j].limb(i), m);
                if (i >= digitPrimeStart[j] && i < digitPrimeEnd[j]) {
                    long factor = m.pow(2, digitShift[j]);
                    for (int k = 0; k < params.pCount(); k++) {
                        factor = m.mul(factor, m.reduceWord(ring.modulus(qCount + k).value()));
                    }
                    LimbArithmetic.mulScalar(sPrime.limb(i), factor, m.shoup(factor), tmp, m);
                    LimbArithmetic.add(b[j].limb(i), tmp, b[j].limb(i), m);
                }
            }
        }
        return new SwitchingKey(params, decompositionBits, b, a);
    }

    private void checkKey(SecretKey sk) {
        if (!sk.params().equals(params)) {
            throw new IllegalArgumentException("secret key belongs to other parameters (" + sk.params()
                    + ") than this key generator (" + params + ")");
        }
    }
}
