package org.hersj.fhe.openfhe.jni;

import java.util.Arrays;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeContext;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeKeyPair;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;

/**
 * A fresh OpenFHE key set and the three role backends built from it: the key owner's
 * {@link ClientBackend} (secret key), an enroller's {@link EncryptionBackend} (public key) and the
 * server's {@link ServerBackend} (evaluation keys). Keys live in native memory for the life of this
 * process; OpenFHE draws them from its own generator, seeded from the operating system.
 */
public final class OpenFheKeys implements OpenFheBackendSet {
    private final OpenFheEngine engine;
    private final NativeKeyPair secretAndPublic;

    private OpenFheKeys(OpenFheEngine engine, NativeKeyPair secretAndPublic) {
        this.engine = engine;
        this.secretAndPublic = secretAndPublic;
    }

    /**
     * Builds an OpenFHE context for {@code parameters} and generates a key pair, the relinearisation key
     * and rotation keys for {@code rotationSteps}.
     *
     * @throws IllegalStateException if the native library cannot be loaded
     * @throws IllegalArgumentException if OpenFHE refuses the parameters (e.g. not secure enough)
     */
    public static OpenFheKeys generate(OpenFheParameters parameters, int... rotationSteps) {
        OpenFheLibrary.requireLoaded();
        OpenFheSettings s = parameters.settings();
        NativeContext context = new NativeContext();
        try {
            context.init(parameters.ringDimension(), parameters.multiplicativeDepth(), parameters.firstModulusBits(),
                    parameters.scaleBits(), parameters.securityBits(),
                    s.keySwitching() == OpenFheSettings.KeySwitching.HYBRID, s.bvDigitBits(), s.openMpThreads());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("OpenFHE refused the parameters (" + parameters.describe() + "): "
                    + e.getMessage(), e);
        }
        NativeKeyPair keys = new NativeKeyPair();
        context.keyGen(keys);
        if (rotationSteps.length > 0) {
            context.rotationKeyGen(keys, rotationSteps.clone(), rotationSteps.length);
        }
        NativeKeyPair publicOnly = new NativeKeyPair();
        keys.copyPublicKey(publicOnly);
        int[] steps = Arrays.stream(rotationSteps).distinct().sorted().toArray();
        byte[] publicKeyBytes;
        try (OpenFheShim.NativeBytes bytes = new OpenFheShim.NativeBytes()) {
            context.serializePublicKey(publicOnly, bytes);
            publicKeyBytes = new byte[Math.toIntExact(bytes.size())];
            bytes.data().get(publicKeyBytes);
        }
        return new OpenFheKeys(new OpenFheEngine(parameters, context, publicOnly, publicKeyBytes, steps), keys);
    }

    @Override
    public ClientBackend client() {
        return new OpenFheClientBackend(engine, secretAndPublic);
    }

    @Override
    public EncryptionBackend enroller() {
        return new OpenFheEncryptionBackend(engine);
    }

    @Override
    public ServerBackend server() {
        return new OpenFheServerBackend(engine);
    }

    /** The secret and public key, for the key files of this package. */
    NativeKeyPair secretAndPublic() {
        return secretAndPublic;
    }

    /** The shared context (no secret), for key files and engine-level measurements in this package. */
    OpenFheEngine engine() {
        return engine;
    }

    /** The parameters these keys were made for. */
    public OpenFheParameters parameters() {
        return engine.parameters();
    }

    @Override
    public long relinearizationKeyBytes() {
        return engine.context().evaluationKeyBytes(secretAndPublic);
    }

    @Override
    public String toString() {
        return "OpenFheKeys[" + engine.parameters().describe() + "]";
    }
}
