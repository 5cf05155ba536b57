package org.hersj.fhe.ckks;

import org.hersj.fhe.ring.PolySampler;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.ring.RnsPoly;

/**
 * The uniform polynomial c_1 of a seeded secret-key ciphertext, expanded from a public 32-byte seed with
 * AES-256-CTR ({@link RandomSource#expandingPublicSeed}): uniform residues in NTT form over q_0 .. q_level,
 * by rejection sampling. A reader regenerates c_1 from the seed, so a stored ciphertext needs its seed and
 * c_0 only (half the bytes). The seed is public; security rests on AES as a PRF and on a fresh seed per
 * ciphertext, drawn from the encryptor's secure stream.
 */
public final class SeededUniform {

    /**
     * One public-seed stream per thread, restarted for every seed: a gallery scan expands 16 seeds per block,
     * and a fresh AES cipher for each cost about as much as the keystream itself. It holds nothing secret.
     */
    private static final ThreadLocal<RandomSource> STREAMS =
            ThreadLocal.withInitial(() -> RandomSource.expandingPublicSeed(new byte[Encryptor.SEED_BYTES]));

    private SeededUniform() {
    }

    /**
     * Writes the expansion of {@code seed} into limbs 0 .. level of {@code c1}.
     *
     * @param params parameters
     * @param seed 32 bytes
     * @param level level of the ciphertext
     * @param c1 destination polynomial with at least level + 1 limbs
     */
    public static void expand(CkksParameters params, byte[] seed, int level, RnsPoly c1) {
        RandomSource stream = STREAMS.get();
        stream.restartFromPublicSeed(seed);
        PolySampler.uniform(params.ring(), stream, c1, level + 1);
    }
}
