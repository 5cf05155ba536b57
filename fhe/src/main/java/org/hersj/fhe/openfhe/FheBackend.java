package org.hersj.fhe.openfhe;

import java.util.Arrays;
import java.util.Locale;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;

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
        CkksSearchKeys keys = CkksSearchKeys.generate(CkksParameters.of(parameters), random, rotationSteps);
        return new BackendKeySet() {
            @Override
            public ClientBackend client() {
                return keys.client();
            }

            @Override
            public EncryptionBackend enroller() {
                return keys.enroller();
            }

            @Override
            public ServerBackend server() {
                return keys.server();
            }
        };
    }
}
