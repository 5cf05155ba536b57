package org.hersj.fhe.openfhe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the engine from {@code fhe.backend}. */
class FheBackendTest {
    private static final CkksParametersLiteral TOY = new CkksParametersLiteral(12, List.of(46, 38), List.of(25), 38,
            SecurityLevel.BITS_128, false);

    @Test
    void parsesConfigurationValues() {
        assertEquals(FheBackend.JAVA, FheBackend.parse("java"));
        assertEquals(FheBackend.OPENFHE, FheBackend.parse(" OpenFHE "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FheBackend.parse("seal"));
        assertTrue(e.getMessage().contains("fhe.backend must be one of [java, openfhe], got 'seal'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FheBackend.parse(null));
    }

    @Test
    void javaBackendEncryptsAndDecrypts() {
        ClientBackend client = FheBackend.JAVA.generateKeys(TOY, RandomSource.seededForTestsOnly(1),
                OpenFheSettings.DEFAULT).client();
        BackendCiphertext ct = client.newCiphertext(1, client.freshLevel());
        client.encryptReplicated(-0.625, ct);
        double[] out = new double[client.slots()];
        client.decrypt(ct, out);
        assertEquals(-0.625, out[7], 1e-6);
    }

    @Test
    void javaKeysRoundTripThroughAKeyDirectory(@TempDir Path dir) throws IOException {
        BackendKeySet keys = FheBackend.JAVA.generateKeys(TOY, RandomSource.seededForTestsOnly(2),
                OpenFheSettings.DEFAULT);
        FheBackend.JAVA.writeKeys(keys, dir);
        EncryptionBackend enroller = FheBackend.JAVA.loadEnroller(dir, RandomSource.seededForTestsOnly(3));
        BackendCiphertext ct = enroller.newCiphertext(1, enroller.freshLevel());
        enroller.encryptReplicated(0.25, ct);
        ClientBackend client = FheBackend.JAVA.loadClient(dir, RandomSource.seededForTestsOnly(4));
        double[] out = new double[client.slots()];
        client.decrypt(ct, out);
        assertEquals(0.25, out[0], 1e-6);
        assertEquals(keys.server().keyFingerprint(), FheBackend.JAVA.loadServer(dir).keyFingerprint());
    }

    @Test
    void keySetOfAnotherEngineIsRefused(@TempDir Path dir) {
        BackendKeySet keys = FheBackend.JAVA.generateKeys(TOY, RandomSource.seededForTestsOnly(2),
                OpenFheSettings.DEFAULT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FheBackend.OPENFHE.writeKeys(keys, dir));
        assertTrue(e.getMessage().contains("is not one of engine 'openfhe'"), e.getMessage());
    }

    @Test
    void openFheBackendWithoutOpenFheSaysWhatToDo() {
        assumeFalse(OpenFheBackends.isAvailable(), "OpenFHE is on the class path: nothing to refuse");
        OpenFheUnavailableException e = assertThrows(OpenFheUnavailableException.class,
                () -> FheBackend.OPENFHE.generateKeys(TOY, RandomSource.seededForTestsOnly(1),
                        OpenFheSettings.DEFAULT));
        assertTrue(e.getMessage().startsWith("fhe.backend 'openfhe' was requested"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dopenfhe.home="), e.getMessage());
        assertThrows(OpenFheUnavailableException.class, () -> FheBackend.OPENFHE.loadServer(Path.of("keys")));
    }
}
