package org.hersj.fhe.openfhe;

import org.hersj.fhe.ckks.CkksParametersLiteral;

/**
 * What the optional {@code openfhe} module provides. Its implementation,
 * {@value OpenFheBackends#PROVIDER_CLASS}, is found by {@link OpenFheBackends} by name and must have a
 * public no-argument constructor that loads the native library (and fails if it cannot).
 */
public interface OpenFheBackendProvider {

    /**
     * Builds an OpenFHE context from our parameter literal and generates a fresh key set: secret and
     * public key, relinearisation key and rotation keys for {@code rotationSteps}.
     *
     * @throws IllegalArgumentException if OpenFHE cannot express or refuses the parameters, naming the
     *         field
     */
    OpenFheBackendSet generate(CkksParametersLiteral parameters, OpenFheSettings settings, int... rotationSteps);
}
