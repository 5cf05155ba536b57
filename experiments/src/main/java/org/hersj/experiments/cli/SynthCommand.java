package org.hersj.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hersj.experiments.config.ConfigValueException;
import org.hersj.experiments.config.SyntheticConfig;
import org.hersj.experiments.data.Dataset;
import org.hersj.experiments.data.NpyWriter;
import org.hersj.experiments.data.synth.SyntheticGenerator;
import org.hersj.experiments.data.synth.SyntheticSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hers data synth}: writes a seeded synthetic dataset as {@code embeddings.npy} and
 * {@code labels.npy}.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic dataset: identity clusters on the unit sphere (von Mises-Fisher;"
            + " for manifold-like, in a latent space mapped onto a curved manifold) plus distractors, written as"
            + " <out>/embeddings.npy (float32) and <out>/labels.npy (int64; distractors are labelled -1)."})
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "Preset: arcface-like (512-d), deepprint-like (192-d), imagenet-like (1536-d) or"
                    + " manifold-like (512-d unless --dimension).")
    String kind;

    @Option(names = "--identities", required = true, paramLabel = "N", description = "Number of identities.")
    int identities;

    @Option(names = "--samples-per-identity", required = true, paramLabel = "M",
            description = "Samples per identity.")
    int samplesPerIdentity;

    @Option(names = "--distractors", defaultValue = "0", paramLabel = "K",
            description = "Number of distractors (default: ${DEFAULT-VALUE}).")
    int distractors;

    @Option(names = "--seed", required = true, paramLabel = "S", description = "Seed.")
    long seed;

    @Option(names = "--kappa", paramLabel = "K", description = "Within-identity concentration (default: preset's).")
    Double kappa;

    @Option(names = "--centre-kappa", paramLabel = "K",
            description = "Concentration of identity centres (default: preset's).")
    Double centreKappa;

    @Option(names = "--kappa-spread", paramLabel = "S",
            description = "Spread of per-sample quality, std. dev. of log kappa (default: preset's).")
    Double kappaSpread;

    @Option(names = "--latent-dimension", paramLabel = "L",
            description = "manifold-like: coordinates of the latent unit vector (S^(L-1)), 2 to 64 (default 10).")
    Integer latentDimension;

    @Option(names = "--dimension", paramLabel = "D",
            description = "manifold-like: ambient dimension, above L, up to 4096 (default 512).")
    Integer dimension;

    @Option(names = "--gain", paramLabel = "G",
            description = "manifold-like: first-layer scale, W1 entries N(0, (G/sqrt(L))^2), in (0, 100] (default 8).")
    Double gain;

    @Option(names = "--mixing", negatable = true, paramLabel = "BOOL",
            description = "manifold-like: mix the hidden units with a square Gaussian layer W2 (default; --no-mixing"
                    + " leaves it out).")
    Boolean mixing;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
    Path out;

    @Option(names = "--force", description = "Overwrite existing embeddings.npy / labels.npy in DIR.")
    boolean force;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        SyntheticSpec spec = spec();
        Path embeddings = out.resolve("embeddings.npy");
        Path labels = out.resolve("labels.npy");
        OutputPaths.checkDirectory("--out", out, List.of());
        if (Files.isDirectory(out)) {
            OutputPaths.checkFile("--out", embeddings, force, List.of());
            OutputPaths.checkFile("--out", labels, force, List.of());
        }
        Dataset data = SyntheticGenerator.generate(spec, ProgressBar.forTerminal(output.quiet));
        Files.createDirectories(out);
        NpyWriter.writeFloat32(embeddings, data.vectors());
        NpyWriter.writeInt64(labels, data.labels());
        output.out().println("wrote " + data.size() + " vectors of dimension " + data.dimension() + " to " + embeddings
                + " and " + labels);
        return 0;
    }

    /** The options as a spec, with the config's defaults and checks; an error names the option. */
    private SyntheticSpec spec() {
        try {
            return new SyntheticConfig(kind, identities, samplesPerIdentity, distractors, kappa, centreKappa,
                    kappaSpread, latentDimension, dimension, gain, mixing).toSpec(seed);
        } catch (ConfigValueException e) {
            throw new IllegalArgumentException(option(e.key()) + ": " + e.getMessage(), e);
        }
    }

    /** @return the option of a {@code dataset.synthetic} key, e.g. {@code --kappa-spread} for {@code kappaSpread} */
    static String option(String key) {
        return "--" + key.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }
}
