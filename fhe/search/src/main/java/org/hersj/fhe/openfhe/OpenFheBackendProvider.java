package org.hersj.fhe.openfhe;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;

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

    /** Writes an OpenFHE key set into {@code dir} (the secret key owner-only). */
    void writeKeys(OpenFheBackendSet keys, Path dir) throws IOException;

    /** The key owner's backend from a key directory. */
    ClientBackend loadClient(Path dir) throws IOException;

    /** A public-key enrollment backend from a key directory. */
    EncryptionBackend loadEnroller(Path dir) throws IOException;

    /** The server's backend from a key directory (never reads the secret key). */
    ServerBackend loadServer(Path dir) throws IOException;
}
