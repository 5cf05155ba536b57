package org.hersj.fhe.openfhe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ClientBackend;
import org.junit.jupiter.api.Test;

/**
 * Marks where the OpenFHE cross-checks live: skipped, saying why, unless the OpenFHE backend is on the
 * class path (the cross-checks themselves are in the {@code openfhe} module).
 */
class OpenFheCrossCheckAvailabilityTest {

    @Test
    void openFheRoundTripWhenInstalled() {
        assumeTrue(OpenFheBackends.isAvailable(), "OpenFHE not installed: build with -Dopenfhe.home=<install prefix>"
                + " to run the OpenFHE cross-checks (module openfhe, see README section 'OpenFHE backend')");
        CkksParametersLiteral literal = new CkksParametersLiteral(12, List.of(60, 40), List.of(), 40,
                SecurityLevel.BITS_128, false);
        ClientBackend client = OpenFheBackends.provider().generate(literal, OpenFheSettings.DEFAULT).client();
        BackendCiphertext ct = client.newCiphertext(1, client.freshLevel());
        client.encryptReplicated(0.375, ct);
        double[] out = new double[client.slots()];
        client.decrypt(ct, out);
        assertEquals(0.375, out[client.slots() - 1], 1e-5);
    }
}
