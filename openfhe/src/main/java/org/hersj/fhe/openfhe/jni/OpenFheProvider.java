package org.hersj.fhe.openfhe.jni;

import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.openfhe.OpenFheBackendProvider;
import org.hersj.fhe.openfhe.OpenFheBackendSet;
import org.hersj.fhe.openfhe.OpenFheSettings;

/**
 * The OpenFHE backend as the default build sees it (found by name through
 * {@link org.hersj.fhe.openfhe.OpenFheBackends}). Constructing it loads the native library.
 */
public final class OpenFheProvider implements OpenFheBackendProvider {

    /**
     * Loads OpenFHE's native library.
     *
     * @throws IllegalStateException if it cannot be loaded
     */
    public OpenFheProvider() {
        OpenFheLibrary.requireLoaded();
    }

    @Override
    public OpenFheBackendSet generate(CkksParametersLiteral parameters, OpenFheSettings settings,
            int... rotationSteps) {
        return OpenFheKeys.generate(OpenFheParameters.from(parameters, settings), rotationSteps);
    }
}
