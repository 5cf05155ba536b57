package org.hersj.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hersj.experiments.data.Dataset;
import org.hersj.experiments.data.NpyWriter;
import org.hersj.experiments.data.synth.SyntheticGenerator;
import org.hersj.experiments.data.synth.SyntheticKind;
import org.hersj.experiments.data.synth.SyntheticSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hers data synth}: writes a seeded synthetic dataset as {@code embeddings.npy} and
 * {@code labels.npy}.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = {"Generate a synthetic dataset: identity clusters on the unit sphere (von Mises-Fisher)"
            + " plus distractors, written as <out>/embeddings.npy (float32) and <out>/labels.npy (int64;"
            + " distractors are labelled -1)."})
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "Preset: arcface-like (512-d), deepprint-like (192-d) or imagenet-like (1536-d).")
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

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created if needed).")
    Path out;

    @Option(names = "--force", description = "Overwrite existing embeddings.npy / labels.npy in DIR.")
    boolean force;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        SyntheticKind preset = SyntheticKind.fromId(kind);
        SyntheticSpec spec = new SyntheticSpec(preset, identities, samplesPerIdentity, distractors,
                kappa == null ? preset.kappa() : kappa, centreKappa == null ? preset.centreKappa() : centreKappa,
                kappaSpread == null ? preset.kappaSpread() : kappaSpread, seed);
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
}
