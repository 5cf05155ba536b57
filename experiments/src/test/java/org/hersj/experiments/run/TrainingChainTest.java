package org.hersj.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hersj.experiments.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code training.chain}: {@code paper} trains the paper's chain of the input width down to the smallest
 * requested dimension, {@code direct} only the input width and the requested dimensions; the run's
 * per-stage table shows which stages were trained.
 */
class TrainingChainTest {

    @TempDir
    Path dir;

    @Test
    void paperChainTrainsEveryPaperWidthAndDirectOnlyTheRequestedOnes() throws IOException {
        Path config = Files.writeString(dir.resolve("chains.yaml"), """
                name: chains
                seed: 5
                dataset:
                  synthetic: {kind: deepprint-like, identities: 30, samplesPerIdentity: 3}
                protocol: {maxProbes: 10, trainIdentities: 0.5}
                reduction:
                  - method: deepmds++
                    label: paper-chain
                    dimensions: [16]
                    training: {epochs: 1, stepsPerEpoch: 2, pairsPerKind: 8, validationFraction: 0}
                  - method: deepmds++
                    label: direct-chain
                    dimensions: [32, 16]
                    training: {epochs: 1, stepsPerEpoch: 2, pairsPerKind: 8, validationFraction: 0, chain: direct}
                search: [plaintext]
                """);
        RunOutcome run = new ExperimentRunner(StageRegistry.defaults(), Progress.NONE)
                .run(config, new RunOptions(dir.resolve("results"), "r", "test"));
        assertEquals(List.of("128", "64", "32", "16"), widths(run, "paper-chain"), "192-128-64-32-16");
        assertEquals(List.of("32", "16"), widths(run, "direct-chain"), "192-32-16");
        assertEquals(3, run.rows().size(), "one row per entry x dimension");
    }

    private static List<String> widths(RunOutcome run, String label) throws IOException {
        return Files.readAllLines(run.runDir().resolve("training").resolve(label).resolve("training-stages.csv"))
                .stream().skip(1).map(line -> line.split(",")[1]).toList();
    }
}
