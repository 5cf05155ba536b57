package org.hersj.fhe.openfhe.jni;

import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeKeyPair;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ClientBackend;

/** The key owner's OpenFHE backend: encrypts under the public key and decrypts with the secret key. */
final class OpenFheClientBackend extends OpenFheEncryptionBackend implements ClientBackend {
    private final NativeKeyPair keys;

    OpenFheClientBackend(OpenFheEngine engine, NativeKeyPair keys) {
        super(engine);
        if (!keys.hasSecretKey()) {
            throw new IllegalArgumentException("an OpenFHE client backend needs the secret key");
        }
        this.keys = keys;
    }

    @Override
    public void decrypt(BackendCiphertext ct, double[] out) {
        if (out.length != slots()) {
            throw new IllegalArgumentException("decryption output must have " + slots() + " slots, got "
                    + out.length);
        }
        OpenFheCiphertext own = OpenFheCiphertext.of(ct, engine);
        engine.context().decrypt(keys, own.handle(), out, out.length);
    }

    @Override
    public ClientBackend newWorker() {
        return new OpenFheClientBackend(engine, keys);
    }

    @Override
    public String toString() {
        return "OpenFheClientBackend[" + describeParameters() + "]";
    }
}
