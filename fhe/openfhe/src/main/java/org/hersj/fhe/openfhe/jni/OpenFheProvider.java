package org.hersj.fhe.openfhe.jni;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.openfhe.OpenFheBackendProvider;
import org.hersj.fhe.openfhe.OpenFheBackendSet;
import org.hersj.fhe.openfhe.OpenFheSettings;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;

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

    @Override
    public void writeKeys(OpenFheBackendSet keys, Path dir) throws IOException {
        if (!(keys instanceof OpenFheKeys own)) {
            throw new IllegalArgumentException("not an OpenFHE key set of this module: " + keys);
        }
        OpenFheKeyFiles.write(own, dir);
    }

    @Override
    public ClientBackend loadClient(Path dir) throws IOException {
        return OpenFheKeyFiles.loadClient(dir);
    }

    @Override
    public EncryptionBackend loadEnroller(Path dir) throws IOException {
        return OpenFheKeyFiles.loadEnroller(dir);
    }

    @Override
    public ServerBackend loadServer(Path dir) throws IOException {
        return OpenFheKeyFiles.loadServer(dir);
    }
}
