package org.hersj.fhe.openfhe.jni;

import org.hersj.fhe.ckks.NoiseFlooding;
import org.hersj.fhe.ckks.ScoreNoise;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeKeyPair;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ClientBackend;

/**
 * The key owner's OpenFHE backend: encrypts under the public key and decrypts with the secret key. Its
 * decryptions are noise-flooded by default as the java engine's are (IND-CPA-D, fhe/search/README.md):
 * every decoded value gets a fresh Gaussian of 2^{@link NoiseFlooding#DEFAULT_BITS} times the score noise
 * of {@link ScoreNoise} for public-key probes and galleries over Q (how this backend encrypts). OpenFHE
 * decodes inside the native call, so the flooding is added to the decoded values, which are what leaves
 * the key owner; OpenFHE's own {@code NOISE_FLOODING_DECRYPT} mode is not used (it needs a context built
 * for it and a noise-estimation run).
 */
final class OpenFheClientBackend extends OpenFheEncryptionBackend implements ClientBackend {
    private final NativeKeyPair keys;
    private final double floodingStd;
    private final RandomSource random;
    /** Standard normals of one decryption's flooding (both of each Box-Muller pair). */
    private double[] normals = new double[0];

    OpenFheClientBackend(OpenFheEngine engine, NativeKeyPair keys) {
        this(engine, keys, Math.scalb(scoreNoise(engine), NoiseFlooding.DEFAULT_BITS));
    }

    private OpenFheClientBackend(OpenFheEngine engine, NativeKeyPair keys, double floodingStd) {
        super(engine);
        if (!keys.hasSecretKey()) {
            throw new IllegalArgumentException("an OpenFHE client backend needs the secret key");
        }
        this.keys = keys;
        this.floodingStd = floodingStd;
        this.random = floodingStd > 0 ? RandomSource.secure() : null;
    }

    private static double scoreNoise(OpenFheEngine engine) {
        OpenFheParameters p = engine.parameters();
        return ScoreNoise.of(p.ringDimension(), p.scaleBits(), p.multiplicativeDepth() > 0).scoreStd(true, true);
    }

    /** @return the standard deviation the flooding adds to each decoded value (0 when off) */
    double floodingStandardDeviation() {
        return floodingStd;
    }

    @Override
    public ClientBackend withoutNoiseFlooding() {
        return new OpenFheClientBackend(engine, keys, 0);
    }

    @Override
    public String noiseFlooding() {
        return floodingStd == 0 ? "off" : String.format(java.util.Locale.ROOT,
                "2^%d x the score noise added to each decoded value (%.2g standard deviation)",
                NoiseFlooding.DEFAULT_BITS, floodingStd);
    }

    @Override
    public void decrypt(BackendCiphertext ct, double[] out) {
        if (out.length != slots()) {
            throw new IllegalArgumentException("decryption output must have " + slots() + " slots, got "
                    + out.length);
        }
        OpenFheCiphertext own = OpenFheCiphertext.of(ct, engine);
        engine.context().decrypt(keys, own.handle(), out, out.length);
        if (floodingStd > 0) {
            if (normals.length != out.length) {
                normals = new double[out.length];
            }
            random.gaussians(normals);
            for (int i = 0; i < out.length; i++) {
                out[i] += floodingStd * normals[i];
            }
        }
    }

    @Override
    public ClientBackend newWorker() {
        return new OpenFheClientBackend(engine, keys, floodingStd);
    }

    @Override
    public String toString() {
        return "OpenFheClientBackend[" + describeParameters() + "]";
    }
}
