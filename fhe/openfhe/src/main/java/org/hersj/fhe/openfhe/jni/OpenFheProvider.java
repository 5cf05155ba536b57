package org.hersj.fhe.openfhe.jni;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.engine.EngineUnavailableException;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchKeySet;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * OpenFHE behind the engine SPI ({@code fhe.backend: openfhe}), registered in this module's
 * {@code META-INF/services}. Constructing it is cheap; OpenFHE's native library is loaded on first use, and
 * a failure to load it is reported as an {@link EngineUnavailableException} that says what to do.
 * Galleries use one item per slot (this backend does not pack two values per complex slot).
 */
public final class OpenFheProvider implements SearchEngine {

    /** The engine's name in configurations and on the command line. */
    public static final String NAME = "openfhe";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public LayoutKind hersLayout() {
        return LayoutKind.HERS_SIMD;
    }

    /** OpenFHE's CKKS context needs a prime to rescale by ({@link OpenFheParameters}). */
    @Override
    public boolean runsOnePrimeParameters() {
        return false;
    }

    /** {@inheritDoc} OpenFHE draws from its own generator: {@code random} is not used. */
    @Override
    public SearchKeySet generateKeys(CkksParametersLiteral parameters, RandomSource random, int... rotationSteps) {
        return generate(parameters, OpenFheSettings.DEFAULT, rotationSteps);
    }

    /** {@link #generateKeys} with explicit OpenFHE settings (key switching, digits, OpenMP threads). */
    public OpenFheBackendSet generate(CkksParametersLiteral parameters, OpenFheSettings settings, int... rotationSteps) {
        requireLibrary();
        return OpenFheKeys.generate(OpenFheParameters.from(parameters, settings), rotationSteps);
    }

    @Override
    public void writeKeys(SearchKeySet keys, Path dir) throws IOException {
        if (!(keys instanceof OpenFheKeys own)) {
            throw new IllegalArgumentException("a key set " + keys + " is not one of engine '" + NAME + "'");
        }
        OpenFheKeyFiles.write(own, dir);
    }

    @Override
    public boolean holdsKeys(Path dir) {
        return Files.isRegularFile(dir.resolve(OpenFheKeyFiles.PARAMETERS));
    }

    @Override
    public ClientBackend loadClient(Path dir, RandomSource random) throws IOException {
        requireLibrary();
        return OpenFheKeyFiles.loadClient(dir);
    }

    @Override
    public EncryptionBackend loadEnroller(Path dir, RandomSource random) throws IOException {
        requireLibrary();
        return OpenFheKeyFiles.loadEnroller(dir);
    }

    @Override
    public ServerBackend loadServer(Path dir) throws IOException {
        requireLibrary();
        return OpenFheKeyFiles.loadServer(dir);
    }

    @Override
    public ClientBackend loadClient(Path dir, RandomSource random, ParameterPolicy policy) throws IOException {
        requireLibrary();
        return OpenFheKeyFiles.loadClient(dir, policy);
    }

    @Override
    public EncryptionBackend loadEnroller(Path dir, RandomSource random, ParameterPolicy policy) throws IOException {
        requireLibrary();
        return OpenFheKeyFiles.loadEnroller(dir, policy);
    }

    @Override
    public ServerBackend loadServer(Path dir, ParameterPolicy policy) throws IOException {
        requireLibrary();
        return OpenFheKeyFiles.loadServer(dir, policy);
    }

    private static void requireLibrary() {
        try {
            OpenFheLibrary.requireLoaded();
        } catch (RuntimeException | LinkageError e) {
            throw new EngineUnavailableException("engine 'openfhe' was requested and its module is present, but"
                    + " OpenFHE's native library could not be loaded (" + e + "): rebuild with"
                    + " 'mvn -Dopenfhe.home=<OpenFHE install prefix> install', or use the java engine", e);
        }
    }
}
