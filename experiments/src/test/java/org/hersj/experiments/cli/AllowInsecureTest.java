package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hersj.experiments.data.NpyWriter;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.SecurityLevel;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key files under parameters outside the security table (toy: log2 N = 12 with 150 bits of modulus, marked
 * insecure) are refused by every key-loading command unless that command line says {@code --allow-insecure};
 * the allowance belongs to the one command line (a policy passed to the loader, not process state), so the
 * next command without it refuses again.
 */
class AllowInsecureTest {

    @TempDir
    Path dir;

    private Path toyKeys() throws IOException {
        SearchEngine engine = SearchEngines.byName("java");
        Path root = dir.resolve("keys");
        Files.createDirectories(root);
        engine.writeKeys(engine.generateKeys(new CkksParametersLiteral(12, List.of(55, 40), List.of(55), 40,
                SecurityLevel.BITS_128, true), RandomSource.seededForTestsOnly(3)), root.resolve(KeyDirectory.CLIENT));
        KeyDirectory.splitRoles(root, engine);
        return root;
    }

    @Test
    void insecureKeyFilesAreRefusedUnlessThisCommandLineAllowsThem() throws IOException {
        Path keys = toyKeys();
        Path features = dir.resolve("probe.npy");
        NpyWriter.writeFloat32(features, new float[][] {{0.6f, 0.8f, 0f}});
        Path probe = dir.resolve("probe.hrec");
        CliHarness cli = new CliHarness();
        String[] encrypt = {"encrypt-probe", "--keys", keys.resolve(KeyDirectory.CLIENT).toString(), "--features",
            features.toString(), "--out", probe.toString()};

        assertEquals(1, cli.run(encrypt));
        assertTrue(cli.err().contains("holds parameters marked insecure") && cli.err().contains("--allow-insecure"),
                cli.err());
        assertFalse(Files.exists(probe), "nothing written");

        String[] allowed = new String[encrypt.length + 1];
        System.arraycopy(encrypt, 0, allowed, 0, encrypt.length);
        allowed[encrypt.length] = "--allow-insecure";
        assertEquals(0, cli.run(allowed), cli.err());
        assertTrue(cli.err().contains("WARNING: --allow-insecure") && cli.err().contains("encrypt-probe"), cli.err());
        assertTrue(Files.isRegularFile(probe));

        // the server's keys are refused too, and the allowance of the previous command line did not stay
        assertEquals(1, cli.run("search", "--server-keys", keys.resolve(KeyDirectory.SERVER).toString(), "--gallery",
                dir.resolve("none").toString(), "--probe", probe.toString(), "--out", dir.resolve("s.hrec").toString()));
        assertTrue(cli.err().contains("holds parameters marked insecure"), cli.err());
    }
}
