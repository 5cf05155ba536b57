package org.hersj.fhe.ckks;

import java.util.Random;
import org.hersj.fhe.ring.RandomSource;

/** A full set of roles for one parameter set, from a deterministic (test-only) random stream. */
final class TestKeys {
    final CkksParameters params;
    final SecretKey secretKey;
    final PublicKey publicKey;
    final CkksEncoder encoder;
    final Encryptor encryptor;
    final Decryptor decryptor;
    final Evaluator evaluator;
    final EvaluationKeys evaluationKeys;

    TestKeys(CkksParameters params, long seed, int... rotationSteps) {
        this(params, seed, true, rotationSteps);
    }

    /** @param withEvaluationKeys whether to make relinearisation and rotation keys (not for one-prime presets) */
    TestKeys(CkksParameters params, long seed, boolean withEvaluationKeys, int... rotationSteps) {
        this.params = params;
        RandomSource random = RandomSource.seededForTestsOnly(seed);
        KeyGenerator keyGenerator = new KeyGenerator(params, random);
        secretKey = keyGenerator.secretKey();
        publicKey = keyGenerator.publicKey(secretKey);
        evaluationKeys = withEvaluationKeys ? new EvaluationKeys(keyGenerator.relinearizationKey(secretKey),
                keyGenerator.galoisKeys(secretKey, rotationSteps)) : null;
        encoder = new CkksEncoder(params);
        encryptor = Encryptor.withPublicKey(params, publicKey, random.fork());
        decryptor = new Decryptor(params, secretKey);
        evaluator = new Evaluator(params, evaluationKeys);
    }

    Ciphertext encrypt(double[] values) {
        return encryptor.encryptNew(encoder.encodeNew(values, params.maxLevel(), params.defaultScale()));
    }

    double[] decrypt(Ciphertext ct) {
        return encoder.decode(decryptor.decryptNew(ct));
    }

    static double[] randomValues(int count, double bound, long seed) {
        Random r = new Random(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = (2 * r.nextDouble() - 1) * bound;
        }
        return v;
    }

    /** A toy ring (N = 2^logN) far below the security table, for tests that need small sizes. */
    static CkksParameters toy(int logN) {
        return CkksParameters.of(new CkksParametersLiteral(logN, java.util.List.of(55, 40), java.util.List.of(55), 40,
                SecurityLevel.BITS_128, true));
    }
}
