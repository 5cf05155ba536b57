package org.hersj.fhe.openfhe.jni;

import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.EncryptionBackend;

/**
 * Encrypts probe values and gallery columns with OpenFHE under the public key. OpenFHE draws the
 * encryption randomness from its own generator (seeded from the operating system).
 */
class OpenFheEncryptionBackend extends OpenFheBackendBase implements EncryptionBackend {

    OpenFheEncryptionBackend(OpenFheEngine engine) {
        super(engine);
    }

    @Override
    public void encryptReplicated(double value, BackendCiphertext out) {
        OpenFheCiphertext own = freshTarget(out);
        engine.context().encryptReplicated(engine.publicKey(), value, engine.openFheLevel(own.level()),
                own.handle());
    }

    @Override
    public void encryptColumn(double[] values, BackendCiphertext out) {
        if (values.length == 0 || values.length > slots()) {
            throw new IllegalArgumentException("column length must be in 1.." + slots() + ", got " + values.length);
        }
        OpenFheCiphertext own = freshTarget(out);
        engine.context().encrypt(engine.publicKey(), values, values.length, engine.openFheLevel(own.level()),
                own.handle());
    }

    @Override
    public EncryptionBackend newWorker() {
        return new OpenFheEncryptionBackend(engine);
    }

    private OpenFheCiphertext freshTarget(BackendCiphertext out) {
        OpenFheCiphertext own = OpenFheCiphertext.of(out, engine);
        if (own.degree() != 1) {
            throw new IllegalArgumentException("encryption writes degree-1 ciphertexts, buffer has degree "
                    + own.degree());
        }
        return own;
    }
}
