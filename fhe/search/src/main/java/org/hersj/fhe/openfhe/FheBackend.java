package org.hersj.fhe.openfhe;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;
import org.hersj.fhe.search.layout.LayoutKind;

/**
 * The engine under the encrypted search, as chosen by the configuration key {@code fhe.backend}:
 * {@code java} (HERS-J's own CKKS engine, always available) or {@code openfhe} (optional, see
 * {@link OpenFheBackends}).
 */
public enum FheBackend {
    /** HERS-J's pure-Java RNS-CKKS engine. */
    JAVA,
    /** OpenFHE through the optional {@code hers-openfhe} module. */
    OPENFHE;

    /**
     * Parses a configuration value ({@code java} or {@code openfhe}, case-insensitive).
     *
     * @throws IllegalArgumentException naming the key and the accepted values
     */
    public static FheBackend parse(String value) {
        for (FheBackend b : values()) {
            if (b.configName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return b;
            }
        }
        throw new IllegalArgumentException("fhe.backend must be one of "
                + Arrays.stream(values()).map(FheBackend::configName).toList() + ", got '" + value + "'");
    }

    /**
     * The HERS layout galleries of this engine use unless told otherwise: two items per complex slot on
     * HERS-J's engine, one item per slot on OpenFHE (whose backend does not pack two values per slot).
     */
    public LayoutKind hersLayout() {
        return this == JAVA ? LayoutKind.HERS_COMPLEX : LayoutKind.HERS_SIMD;
    }

    /** The value written in configuration files. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Generates a key set of this engine for {@code parameters} (relinearisation key, plus rotation keys
     * for {@code rotationSteps}) and returns its role backends.
     *
     * @param random randomness of our engine ({@link RandomSource#secure()} outside tests); OpenFHE
     *        draws from its own generator
     * @param openFhe OpenFHE-only choices (ignored by the Java engine)
     * @throws OpenFheUnavailableException if this is {@link #OPENFHE} and OpenFHE cannot be loaded
     */
    public BackendKeySet generateKeys(CkksParametersLiteral parameters, RandomSource random, OpenFheSettings openFhe,
            int... rotationSteps) {
        if (this == OPENFHE) {
            return OpenFheBackends.provider().generate(parameters, openFhe, rotationSteps);
        }
        return new JavaBackendKeySet(CkksSearchKeys.generate(CkksParameters.of(parameters), random, rotationSteps));
    }

    /**
     * Writes a key set of this engine into {@code dir} (the secret key owner-only); the server gets a copy
     * without the secret key file.
     */
    public void writeKeys(BackendKeySet keys, Path dir) throws IOException {
        if (this == OPENFHE && keys instanceof OpenFheBackendSet openFhe) {
            OpenFheBackends.provider().writeKeys(openFhe, dir);
        } else if (this == JAVA && keys instanceof JavaBackendKeySet java) {
            CkksKeyFiles.write(java.keys(), dir);
        } else {
            throw new IllegalArgumentException("a key set " + keys + " is not one of engine '" + configName() + "'");
        }
    }

    /** The key owner's backend from a key directory written by {@link #writeKeys}. */
    public ClientBackend loadClient(Path dir, RandomSource random) throws IOException {
        return this == OPENFHE ? OpenFheBackends.provider().loadClient(dir) : CkksKeyFiles.loadClient(dir, random);
    }

    /** A public-key enrollment backend from a key directory. */
    public EncryptionBackend loadEnroller(Path dir, RandomSource random) throws IOException {
        return this == OPENFHE ? OpenFheBackends.provider().loadEnroller(dir) : CkksKeyFiles.loadEnroller(dir, random);
    }

    /** The server's backend from a key directory (never reads the secret key). */
    public ServerBackend loadServer(Path dir) throws IOException {
        return this == OPENFHE ? OpenFheBackends.provider().loadServer(dir) : CkksKeyFiles.loadServer(dir);
    }
}
