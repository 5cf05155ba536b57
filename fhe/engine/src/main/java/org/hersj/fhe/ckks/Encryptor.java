package org.hersj.fhe.ckks;

import org.hersj.fhe.arith.Modulus;
import org.hersj.fhe.ring.LimbArithmetic;
import org.hersj.fhe.ring.PolySampler;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.ring.RnsPoly;

/**
 * Encrypts plaintexts at their own level, with the public key (anyone) or the secret key (the key owner;
 * smaller noise). Public-key encryption: (b u + e_0 + m, a u + e_1) with u ternary and e_i Gaussian; its
 * noise has standard deviation about sigma * sqrt(4N/3 + 1) per coefficient. With a key given over the
 * special primes too ({@link PublicKey#extended()}), the encryption of zero (b u + e_0, a u + e_1) is made
 * over QP and divided by P with rounding before m is added, as SEAL does: the noise becomes that of the
 * rounding, sqrt((1 + 2N/3) / 12) per coefficient (16x less at N = 4096). Secret-key encryption: (-a s + e + m, a) with a expanded from a fresh public
 * 32-byte seed ({@link SeededUniform}; {@link Ciphertext#seed()}), so it can be stored as seed and c_0 only.
 * Not thread-safe; one per thread.
 */
public final class Encryptor {
    /** Bytes of the public seed of a secret-key ciphertext's c_1. */
    public static final int SEED_BYTES = 32;

    private final CkksParameters params;
    private final PublicKey publicKey;
    private final SecretKey secretKey;
    private final PolySampler sampler;
    private final RandomSource random;
    private final RnsPoly u;
    private final RnsPoly e0;
    private final RnsPoly e1;
    private final long[][] overQp0;
    private final long[][] overQp1;
    private final long[][] dividerScratch;

    private Encryptor(CkksParameters params, PublicKey pk, SecretKey sk, RandomSource random) {
        random.requireSecureFor("CKKS encryption");
        this.params = params;
        this.publicKey = pk;
        this.secretKey = sk;
        this.sampler = new PolySampler(params.ring(), random);
        this.random = random;
        boolean extended = pk != null && pk.extended();
        int limbs = extended ? params.ring().size() : params.maxLevel() + 1;
        int n = params.ringDegree();
        this.u = new RnsPoly(n, limbs);
        this.e0 = new RnsPoly(n, limbs);
        this.e1 = new RnsPoly(n, limbs);
        this.overQp0 = extended ? new long[limbs][n] : null;
        this.overQp1 = extended ? new long[limbs][n] : null;
        this.dividerScratch = extended ? new long[limbs + 2 * params.pCount() + 2][n] : null;
    }

    /**
     * @param params parameters
     * @param pk public key made under the same parameters
     * @param random random stream ({@link RandomSource#secure()} outside tests)
     * @return a public-key encryptor
     */
    public static Encryptor withPublicKey(CkksParameters params, PublicKey pk, RandomSource random) {
        if (!pk.params().equals(params)) {
            throw new IllegalArgumentException("public key belongs to other parameters than " + params);
        }
        return new Encryptor(params, pk, null, random);
    }

    /**
     * @param params parameters
     * @param sk secret key made under the same parameters
     * @param random random stream ({@link RandomSource#secure()} outside tests)
     * @return a secret-key encryptor
     */
    public static Encryptor withSecretKey(CkksParameters params, SecretKey sk, RandomSource random) {
        if (!sk.params().equals(params)) {
            throw new IllegalArgumentException("secret key belongs to other parameters than " + params);
        }
        return new Encryptor(params, null, sk, random);
    }

    /**
     * @param pt plaintext
     * @return a fresh degree-1 ciphertext at the plaintext's level and scale
     */
    public Ciphertext encryptNew(Plaintext pt) {
        Ciphertext out = new Ciphertext(params, 1, pt.level(), pt.scale());
        encrypt(pt, out);
        return out;
    }

    /**
     * Encrypts into an existing buffer.
     *
     * @param pt plaintext
     * @param out ciphertext buffer with capacity at least the plaintext's level
     */
    public void encrypt(Plaintext pt, Ciphertext out) {
        if (!pt.params().equals(params) || !out.params().equals(params)) {
            throw new IllegalArgumentException("plaintext or output belongs to other CKKS parameters than this encryptor ("
                    + params + ")");
        }
        int level = pt.level();
        out.reset(1, level, pt.scale());
        int limbs = level + 1;
        RnsPoly c0 = out.poly(0);
        RnsPoly c1 = out.poly(1);
        if (publicKey != null && publicKey.extended()) {
            encryptZeroOverQpDividedByP(level, c0, c1);
            for (int i = 0; i < limbs; i++) {
                Modulus m = params.ring().modulus(i);
                LimbArithmetic.add(c0.limb(i), pt.poly().limb(i), c0.limb(i), m);
            }
        } else if (publicKey != null) {
            sampler.ternary(u, limbs);
            sampler.gaussian(e0, limbs);
            sampler.gaussian(e1, limbs);
            for (int i = 0; i < limbs; i++) {
                Modulus m = params.ring().modulus(i);
                LimbArithmetic.mulAdd(publicKey.b().limb(i), u.limb(i), e0.limb(i), c0.limb(i), m);
                LimbArithmetic.add(c0.limb(i), pt.poly().limb(i), c0.limb(i), m);
                LimbArithmetic.mulAdd(publicKey.a().limb(i), u.limb(i), e1.limb(i), c1.limb(i), m);
            }
        } else {
            byte[] seed = new byte[SEED_BYTES];
            random.nextBytes(seed);
            SeededUniform.expand(params, seed, level, c1);
            sampler.gaussian(e0, limbs);
            for (int i = 0; i < limbs; i++) {
                Modulus m = params.ring().modulus(i);
                LimbArithmetic.add(e0.limb(i), pt.poly().limb(i), e0.limb(i), m);
                LimbArithmetic.mul(c1.limb(i), secretKey.poly().limb(i), c0.limb(i), m);
                LimbArithmetic.sub(e0.limb(i), c0.limb(i), c0.limb(i), m);
            }
            out.markSeeded(seed);
            java.util.Arrays.fill(seed, (byte) 0);
        }
    }

    // (c_0, c_1) = round((b u + e_0, a u + e_1) / P) at {@code level}: the primes q_0 .. q_level and P.
    private void encryptZeroOverQpDividedByP(int level, RnsPoly c0, RnsPoly c1) {
        int all = params.ring().size();
        int qCount = params.maxLevel() + 1;
        sampler.ternary(u, all);
        sampler.gaussian(e0, all);
        sampler.gaussian(e1, all);
        for (int i = 0; i <= level; i++) {
            encryptZeroLimb(i);
        }
        for (int i = qCount; i < all; i++) {
            encryptZeroLimb(i);
        }
        params.levelTables().divideByP(level, overQp0, overQp1, c0, c1, dividerScratch);
    }

    // limb i of (b u + e_0, a u + e_1) over QP
    private void encryptZeroLimb(int i) {
        Modulus m = params.ring().modulus(i);
        LimbArithmetic.mulAdd(publicKey.b().limb(i), u.limb(i), e0.limb(i), overQp0[i], m);
        LimbArithmetic.mulAdd(publicKey.a().limb(i), u.limb(i), e1.limb(i), overQp1[i], m);
    }
}
