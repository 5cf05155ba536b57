package org.hersj.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hersj.experiments.config.ConfigException;
import org.hersj.experiments.progress.Progress;
import org.hersj.experiments.report.ResultRow;
import org.hersj.experiments.report.ResultsCsv;
import org.hersj.experiments.report.TwoStageReport;
import org.hersj.experiments.reproduce.ReproduceReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/**
 * A run with {@code search: two-stage} on tiny generated data (N = 4096): the mode runs only at the stage-1
 * dimension, its figures agree with the single-stage rows of the same run, they reach {@code two-stage.csv},
 * {@code report.md} and a reproduction's {@code REPORT.md}, and the data-dependent keys fail before any work.
 */
class TwoStageRunTest {

    private static final String CONFIG = """
            name: two
            seed: 5
            dataset:
              synthetic: {kind: deepprint-like, identities: 40, samplesPerIdentity: 3, distractors: 60}
            protocol: {maxProbes: 12, trainIdentities: 0.5}
            reduction:
              - {method: identity, search: [plaintext]}
              - {method: pca, dimensions: [16, 8]}
            search: [plaintext, encrypted, two-stage]
            twoStage: {k: 12, stage1Dimension: 8, stage2Dimension: 192}
            fhe: {preset: SEARCH_N4096, threads: 2}
            metrics: {cmcMaxRank: 5}
            report: {plots: false}
            """;

    @TempDir
    Path dir;

    private RunOutcome run(String yaml, String runId) throws IOException {
        Path config = Files.writeString(dir.resolve("two.yaml"), yaml);
        return new ExperimentRunner(StageRegistry.defaults(), Progress.NONE)
                .run(config, new RunOptions(dir.resolve("results"), runId, "test"));
    }

    @Test
    void twoStageRowAgreesWithTheSingleStageRowsAndReachesEveryReport() throws IOException {
        RunOutcome outcome = run(CONFIG, "r1");

        List<String> combos = outcome.rows().stream().map(r -> r.method() + "/" + r.dimension() + "/" + r.search()).toList();
        assertEquals(List.of("identity/192/plaintext", "pca/16/plaintext", "pca/16/encrypted", "pca/8/plaintext",
                "pca/8/encrypted", "pca/8/two-stage"), combos, "two-stage only at the stage-1 dimension");
        Table table = ResultsCsv.read(outcome.runDir().resolve(TwoStageReport.CSV));
        assertEquals(1, table.rowCount());
        Row t = table.row(0);
        assertEquals(1, outcome.twoStage().size());
        assertEquals(outcome.twoStage().get(0).recallAtK(), t.getDouble("recall_at_k"), 1e-12, "the CSV holds the run's row");
        assertEquals(8, t.getInt("stage1_dimension"));
        assertEquals(192, t.getInt("stage2_dimension"));
        assertEquals(12, t.getInt("k"));
        assertEquals(row(outcome, "pca", 8, "two-stage").rank1(), t.getDouble("rank1_two_stage"), 1e-12);
        assertEquals(row(outcome, "pca", 8, "encrypted").rank1(), t.getDouble("rank1_reduced"), 1e-12,
                "stage 1's top 1 is single-stage reduced search's");
        assertEquals(row(outcome, "identity", 192, "plaintext").rank1(), t.getDouble("rank1_full"), 1e-12,
                "encrypted full-dimension rank-1 = plaintext");
        double recall = t.getDouble("recall_at_k");
        assertTrue(recall >= t.getDouble("rank1_reduced") && recall >= t.getDouble("rank1_two_stage"),
                "no search finds a mate outside stage 1's shortlist: " + t);
        assertTrue(t.getDouble("stage1_ms") > 0 && t.getDouble("stage2_ms") > 0 && t.getDouble("full_ms") > 0);
        assertEquals(t.getDouble("stage1_ms") + t.getDouble("stage2_ms"), t.getDouble("total_ms"), 1e-6);
        assertEquals(t.getDouble("full_ms") / t.getDouble("total_ms"), t.getDouble("speed_up"), 1e-9);
        assertEquals(row(outcome, "pca", 8, "two-stage").top1Agreement(), t.getDouble("top1_equals_full"), 1e-12,
                "the two-stage row's plaintext agreement is with full-dimension search");

        String md = Files.readString(outcome.runDir().resolve("report.md"));
        assertTrue(md.contains("## Two-stage search") && md.contains("recall@K (stage 1)") && md.contains("two-stage.csv"),
                md);
        Path reproduceDir = Files.createDirectories(dir.resolve("reproduce"));
        String report = Files.readString(ReproduceReport.write(reproduceDir, List.of(outcome.runDir()), List.of("test")));
        assertTrue(report.contains("### Two-stage search") && report.contains("| pca | 8 | 192 | 12 |"), report);
    }

    @Test
    void dataDependentKeysFailBeforeAnyWork() throws IOException {
        assertFailsAt(CONFIG.replace("stage2Dimension: 192", "stage2Dimension: 512"), "twoStage.stage2Dimension",
                "dataset has dimension 192");
        assertFailsAt(CONFIG.replace("k: 12", "k: 1000"), "twoStage.k", "expected at most 80");
        assertFailsAt(CONFIG.replace("stage1Dimension: 8,", "stage1Dimension: 4,"), "twoStage.stage1Dimension",
                "no reduction entry with that dimension");
        assertTrue(Files.notExists(dir.resolve("results").resolve("two").resolve("cache")), "nothing was computed");
    }

    private void assertFailsAt(String yaml, String key, String expected) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> run(yaml, "bad"));
        assertTrue(e.getMessage().contains(": " + key + ":") && e.getMessage().contains(expected), e.getMessage());
    }

    private static ResultRow row(RunOutcome outcome, String method, int dimension, String search) {
        return outcome.rows().stream().filter(r -> r.method().equals(method) && r.dimension() == dimension
                && r.search().equals(search)).findFirst().orElseThrow();
    }
}
