package org.hersj.fhe.openfhe.jni;

import java.util.List;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.search.SearchRejectionContract;
import org.hersj.fhe.search.testing.Backends;

/**
 * The search layer's rejection contract (other keys, other parameters, other dimension, truncated or
 * tampered gallery, probe and score files) run on the OpenFHE backend at SEARCH_N4096.
 *
 * <p>The contract's round-trip helpers are not used here: they assume two decryptions of one
 * ciphertext agree exactly, while OpenFHE adds fresh Gaussian noise at every CKKS decryption (its
 * defence against key-recovery attacks on decryption results). The round trips are checked, against
 * plaintext and against our engine, in {@link CrossEngineSearchTest}.
 */
class OpenFheSearchContractTest extends SearchRejectionContract {
    private static final OpenFheKeys KEYS = keys(CkksPresets.SEARCH_N4096);
    private static final OpenFheKeys OTHER_KEYS = keys(CkksPresets.SEARCH_N4096);
    private static final OpenFheKeys OTHER_PARAMETERS = keys(new CkksParametersLiteral(12, List.of(50, 30),
            List.of(), 30, SecurityLevel.BITS_128, false));

    private static OpenFheKeys keys(CkksParametersLiteral literal) {
        return OpenFheKeys.generate(OpenFheParameters.from(literal, OpenFheSettings.DEFAULT));
    }

    @Override
    protected Backends backends() {
        return new Backends(KEYS.client().withoutNoiseFlooding(), KEYS.server());
    }

    @Override
    protected Backends otherKeys() {
        return new Backends(OTHER_KEYS.client().withoutNoiseFlooding(), OTHER_KEYS.server());
    }

    @Override
    protected Backends otherParameters() {
        return new Backends(OTHER_PARAMETERS.client().withoutNoiseFlooding(), OTHER_PARAMETERS.server());
    }

    @Override
    protected double tolerance() {
        return 1e-5;
    }
}
