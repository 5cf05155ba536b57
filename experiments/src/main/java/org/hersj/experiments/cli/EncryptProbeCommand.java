package org.hersj.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.EncryptedProbe;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hers encrypt-probe}: the key owner encrypts one (unit-normalised) probe row into a probe file
 * for the server.
 */
@Command(name = "encrypt-probe", mixinStandardHelpOptions = true,
        description = {"Encrypt one probe (key owner, KEYDIR/client) into a probe file for 'hers search'."})
final class EncryptProbeCommand implements Callable<Integer> {

    @Option(names = "--keys", required = true, paramLabel = "KEYDIR/client", description = "Key owner's directory.")
    Path keys;

    @Option(names = "--features", required = true, paramLabel = "FILE",
            description = "Probe features (.npy, .fvecs or .csv); the row is L2-normalised.")
    Path features;

    @Option(names = "--row", defaultValue = "0", paramLabel = "I", description = "0-based row of FILE (default: 0).")
    int row;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "Layout of the gallery to search: hers-complex or hers (the same probe serves both; "
                    + "default: the engine's HERS layout), boddeti, or packed (the stage-2 probe of two-stage"
                    + " search: one ciphertext per item segment, the features in that segment only).")
    String layout;

    @Option(names = "--out", required = true, paramLabel = "PROBE", description = "Encrypted probe file to write.")
    Path out;

    @Mixin
    ForceOption force;

    @Mixin
    OutputOptions output;

    /** Parameters marked insecure are read from key files only when the command line allowed them. */
    private final ParameterPolicy parameters;

    /** @param parameters which parameters the key files may hold ({@code --allow-insecure}) */
    EncryptProbeCommand(ParameterPolicy parameters) {
        this.parameters = parameters;
    }

    @Override
    public Integer call() throws Exception {
        OutputPaths.checkFile("--out", out, force.force, OutputPaths.inputs(keys, features));
        FeatureFiles.requireFile("--features", features);
        SearchEngine engine = KeyDirectory.backendOf(keys);
        ClientBackend client = engine.loadClient(keys, RandomSource.secure(), parameters);
        float[] probe = FeatureFiles.row(features, row);
        LayoutKind kind = RoleOptions.layout(layout, engine);
        EncryptedProbe encrypted = new SearchClient(client, 1).encryptProbe(probe, kind);
        OutputPaths.writeReplacing(out, file -> encrypted.write(file, client));
        output.out().println("wrote the encrypted probe (row " + row + " of " + features + ", " + probe.length
                + " dims) to " + out);
        return 0;
    }
}
