package org.hersj.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hersj.experiments.config.ConfigException;
import org.hersj.experiments.progress.Progress;
import org.hersj.experiments.report.ResultRow;
import org.hersj.experiments.report.ResultsCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * The whole pipeline on tiny generated data: reducers x dims x search modes (plaintext, encrypted at
 * N = 4096, plaintext-probe), one row each; encrypted agrees with plaintext; a second run reuses every
 * cached stage and reproduces the results except timings.
 */
class PipelineSweepTest {

    private static final String SWEEP = """
            name: sweep
            seed: 11
            dataset:
              synthetic: {kind: deepprint-like, identities: 40, samplesPerIdentity: 3, distractors: 60}
            protocol: {maxProbes: 12, trainIdentities: 0.5}
            reduction:
              - {method: identity, search: [plaintext]}
              - {method: pca, dimensions: [16, 8]}
              - method: deepmds++
                dimensions: [32, 16]
                training: {epochs: 1, stepsPerEpoch: 4, pairsPerKind: 16}
            search: [plaintext, encrypted, plaintext-probe]
            fhe: {preset: SEARCH_N4096, threads: 2}
            metrics: {cmcMaxRank: 5}
            report: {latex: true}
            """;

    /** Columns that hold times (or CKKS noise), which legitimately differ between two runs. */
    private static final Set<String> VARYING = Set.of("reduce_ms", "enrol_ms", "search_ms", "ms_per_probe",
            "max_score_error", "keygen_ms", "probe_encrypt_ms", "scoring_ms", "decrypt_ms", "rank_ms");

    @TempDir
    Path dir;

    @Test
    void sweepAgreesWithPlaintextAndIsReusedOnASecondRun() throws IOException {
        Path config = Files.writeString(dir.resolve("sweep.yaml"), SWEEP);
        ExperimentRunner runner = new ExperimentRunner(StageRegistry.defaults(), Progress.NONE);
        RunOutcome first = runner.run(config, new RunOptions(dir.resolve("results"), "r1", "test"));

        assertEquals(1 + 2 * 3 + 2 * 3, first.rows().size(), "one row per reducer x dim x mode");
        Set<String> combos = new HashSet<>();
        for (ResultRow row : first.rows()) {
            assertTrue(combos.add(row.method() + "/" + row.dimension() + "/" + row.search()), "duplicate " + row);
            assertEquals(20, row.galleryIdentities(), "evaluated on the 20 identities not trained on");
            if (!row.search().equals("plaintext")) {
                ResultRow plain = first.rows().stream().filter(r -> r.method().equals(row.method())
                        && r.dimension() == row.dimension() && r.search().equals("plaintext")).findFirst().orElseThrow();
                assertEquals(plain.rank1(), row.rank1(), 0.0, "encrypted rank-1 = plaintext: " + row);
                assertEquals(1.0, row.top1Agreement(), 0.0, row.toString());
                assertTrue(row.maxScoreError() < 1e-4, row.toString());
                assertTrue(row.timings().scoringMs() > 0 && row.timings().decryptMs() > 0, row.toString());
            }
        }
        assertTrue(first.rows().stream().anyMatch(r -> r.search().equals("encrypted") && r.timings().probeEncryptMs() > 0
                && r.timings().keygenMs() > 0 && r.timings().enrolMs() > 0));
        Path run1 = first.runDir();
        List<String> built = Files.readString(run1.resolve("stages.csv")).lines().skip(1).toList();
        for (String line : built) {
            boolean shared = line.contains(",plaintext-probe,") || line.startsWith("model,deepmds++,16,");
            assertTrue(line.endsWith(shared ? ",true" : ",false"),
                    "first run: new stages built, the encrypted gallery and the DeepMDS++ chain shared: " + line);
        }
        for (String file : List.of("rank1.csv", "timings.csv", "rank1.tex", "timings.tex", "training-loss-deepmdspp.png",
                "training-loss-deepmdspp.svg", "rank1-vs-dimension.png", "cmc.png")) {
            assertTrue(Files.size(run1.resolve(file)) > 0, file);
        }
        String md = Files.readString(run1.resolve("report.md"));
        for (String section : List.of("## Rank-1", "## Timing breakdown", "## All results", "## CMC", "## Plots",
                "training-loss-deepmdspp.png", "rank-1 encrypted", "encrypted top-1 = plaintext")) {
            assertTrue(md.contains(section), section);
        }

        RunOutcome second = runner.run(config, new RunOptions(dir.resolve("results"), "r2", "test"));
        List<String> stages = Files.readString(second.runDir().resolve("stages.csv")).lines().skip(1).toList();
        assertEquals(2 + 2 + 2 * 2 * 2, stages.size(), stages.toString());
        assertTrue(stages.stream().allMatch(l -> l.endsWith(",true")), "every stage reused: " + stages);
        assertEquals(0.0, second.rows().stream().mapToDouble(r -> r.timings().keygenMs() + r.timings().enrolMs()
                * (r.search().equals("plaintext") ? 0 : 1)).sum(), "no keygen or enrollment when reused");
        assertSameExceptTimings(ResultsCsv.read(run1.resolve("results.csv")),
                ResultsCsv.read(second.runDir().resolve("results.csv")));
        assertEquals(Files.readString(run1.resolve("cmc.csv")), Files.readString(second.runDir().resolve("cmc.csv")));
    }

    @Test
    void unknownPresetIsAConfigErrorBeforeAnyWork() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), SWEEP.replace("SEARCH_N4096", "SEARCH_N1"));
        ExperimentRunner runner = new ExperimentRunner(StageRegistry.defaults(), Progress.NONE);
        ConfigException e = assertThrows(ConfigException.class,
                () -> runner.run(config, new RunOptions(dir.resolve("results"), "x", "test")));
        assertTrue(e.getMessage().startsWith(config + ": fhe.preset:"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("results").resolve("sweep").resolve("cache")));
    }

    private static void assertSameExceptTimings(Table a, Table b) {
        assertEquals(a.rowCount(), b.rowCount());
        assertEquals(a.columnNames(), b.columnNames());
        for (String column : a.columnNames()) {
            if (!VARYING.contains(column)) {
                assertEquals(a.column(column).asList(), b.column(column).asList(), column);
            }
        }
    }
}
