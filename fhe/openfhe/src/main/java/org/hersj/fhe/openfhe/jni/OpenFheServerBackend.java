package org.hersj.fhe.openfhe.jni;

import org.hersj.fhe.search.backend.BlockEvaluator;
import org.hersj.fhe.search.backend.ServerBackend;

/**
 * The server's OpenFHE backend: the context with its registered relinearisation and rotation keys and
 * the public key, never the secret key (it is built from the shared engine, which cannot hold one).
 */
final class OpenFheServerBackend extends OpenFheBackendBase implements ServerBackend {

    OpenFheServerBackend(OpenFheEngine engine) {
        super(engine);
    }

    @Override
    public BlockEvaluator newEvaluator() {
        return new OpenFheBlockEvaluator(engine);
    }

    @Override
    public boolean hasRotationKeys(int... steps) {
        for (int step : steps) {
            if (!engine.hasRotationKey(step)) {
                return false;
            }
        }
        return true;
    }
}
