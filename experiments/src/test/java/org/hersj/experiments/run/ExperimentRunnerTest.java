package org.hersj.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.hersj.experiments.config.ConfigException;
import org.hersj.experiments.data.DataFormatException;
import org.hersj.experiments.data.NpyBytes;
import org.hersj.experiments.data.NpyWriter;
import org.hersj.experiments.progress.Progress;
import org.hersj.experiments.reduce.ReductionStage;
import org.hersj.reduction.core.Reducer;
import org.hersj.experiments.reduce.ReducerProvider;
import org.hersj.experiments.reduce.ReductionRequest;
import org.hersj.experiments.report.ReportBuilder;
import org.hersj.experiments.report.ResultRow;
import org.hersj.experiments.report.ResultsCsv;
import org.hersj.experiments.search.PlaintextSearcher;
import org.hersj.experiments.search.SearchInput;
import org.hersj.experiments.search.SearchResult;
import org.hersj.experiments.search.Searcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class ExperimentRunnerTest {

    private static final String QUICK = """
            name: quick
            seed: 3
            dataset:
              synthetic:
                kind: deepprint-like
                identities: 30
                samplesPerIdentity: 3
                distractors: 100
            reduction:
              - method: identity
              - method: truncate
                dimensions: [16, 4]
            search: [plaintext]
            metrics:
              cmcMaxRank: 5
            """;

    @TempDir
    Path dir;

    /** A real (if crude) reduction for tests: keeps the first d coordinates. */
    private static ReducerProvider truncate() {
        return new ReducerProvider() {
            @Override
            public String method() {
                return "truncate";
            }

            @Override
            public String checkDimensions(int in, int out) {
                return out <= in ? null : "cannot truncate " + in + " to " + out;
            }

            @Override
            public ReductionStage create(ReductionRequest r) {
                return new ReductionStage(new Reducer() {
                    @Override
                    public String method() {
                        return "truncate";
                    }

                    @Override
                    public int inputDimension() {
                        return r.inputDimension();
                    }

                    @Override
                    public int outputDimension() {
                        return r.outputDimension();
                    }

                    @Override
                    public float[][] reduce(float[][] v) {
                        return Arrays.stream(v).map(row -> Arrays.copyOf(row, r.outputDimension())).toArray(float[][]::new);
                    }
                }, null, false);
            }
        };
    }

    private ExperimentRunner runner() {
        return new ExperimentRunner(StageRegistry.defaults().withReducer(truncate()), Progress.NONE);
    }

    private Path config(String yaml) throws IOException {
        return Files.writeString(dir.resolve("exp.yaml"), yaml);
    }

    private Path results() {
        return dir.resolve("results");
    }

    @Test
    void wholeRunWritesEveryFileAndReportRebuildsTheSameMarkdown() throws IOException {
        RunOutcome outcome = runner().run(config(QUICK), new RunOptions(results(), "r1", "test"));
        Path run = outcome.runDir();
        assertEquals(results().resolve("quick").resolve("r1").toAbsolutePath().normalize(), run);
        for (String name : List.of("config.yaml", "provenance.json", "results.csv", "cmc.csv", "report.md", "cmc.png",
                "cmc.svg", "rank1-vs-dimension.png", "rank1-vs-dimension.svg")) {
            assertTrue(Files.size(run.resolve(name)) > 0, name);
        }
        byte[] png = Files.readAllBytes(run.resolve("cmc.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        try (var listing = Files.list(run.getParent())) {
            assertEquals(1, listing.count(), "no temporary directory is left beside the run");
        }

        Table rows = ResultsCsv.read(run.resolve(ResultsCsv.RESULTS));
        assertEquals(3, rows.rowCount());
        assertEquals(List.of(192, 16, 4), rows.intColumn("dimension").asList());
        assertEquals(90, rows.intColumn("probes").get(0) + 30);
        assertEquals(outcome.rows().get(0).rank1(), rows.doubleColumn("rank1").get(0), 1e-12);
        assertTrue(outcome.rows().get(0).rank1() > outcome.rows().get(2).rank1(),
                "4 of 192 coordinates lose accuracy: " + outcome.rows());
        Table cmc = ResultsCsv.read(run.resolve(ResultsCsv.CMC));
        assertEquals(15, cmc.rowCount());

        JsonNode provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
        assertEquals(3, provenance.path("seeds").path("run").asLong());
        assertTrue(provenance.path("seeds").has("dataset"));
        assertEquals(64, provenance.path("inputs").get(0).path("sha256").asText().length());
        assertTrue(provenance.path("environment").path("cores").asInt() >= 1);
        assertFalse(provenance.path("git").path("commit").asText().isEmpty());
        assertFalse(provenance.path("end").asText().isEmpty());

        String markdown = Files.readString(run.resolve("report.md"));
        assertTrue(markdown.contains("| truncate | 4 | plaintext |"), markdown);
        Files.delete(run.resolve("report.md"));
        Files.delete(run.resolve("cmc.png"));
        ReportBuilder.build(run);
        assertEquals(markdown, Files.readString(run.resolve("report.md")));
        assertTrue(Files.exists(run.resolve("cmc.png")));
    }

    @Test
    void rank1OnAHandMadeFileDatasetAndSeededRunsRepeat() throws IOException {
        // identities 0 and 1 along x and y; probe of 0 is near x (hit), probe of 1 is nearer x (miss)
        NpyWriter.writeFloat32(dir.resolve("f.npy"), new float[][] {{1, 0, 0}, {0, 1, 0}, {0.9f, 0.1f, 0}, {0.8f, 0.2f, 0}, {0, 0, 1}});
        Files.writeString(dir.resolve("l.txt"), "0\n1\n0\n1\n-1\n");
        String yaml = "name: tiny\nseed: 1\ndataset:\n  features: f.npy\n  labels: l.txt\nmetrics:\n  cmcMaxRank: 3\n";
        RunOutcome a = runner().run(config(yaml), new RunOptions(results(), "a", ""));
        assertEquals(0.5, a.rows().get(0).rank1(), 1e-12);
        Table cmc = ResultsCsv.read(a.runDir().resolve(ResultsCsv.CMC));
        assertEquals(List.of(0.5, 1.0, 1.0), cmc.doubleColumn("rate").asList());
        assertEquals(1, a.rows().get(0).distractors());
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> runner().run(config(yaml), new RunOptions(results(), "a", "")));
        assertTrue(clash.getMessage().contains("already exists"));
    }

    private void assertNothingWritten() {
        assertFalse(Files.exists(results()), "a failed run must leave no results directory");
    }

    @Test
    void badConfigsFailBeforeAnyWorkAndLeaveNothing() throws IOException {
        ConfigException misspelt = assertThrows(ConfigException.class, () -> runner().run(
                config(QUICK.replace("distractors:", "distractor:")), new RunOptions(results(), null, "")));
        assertEquals("dataset.synthetic.distractor", misspelt.keyPath());
        assertNothingWritten();
        ConfigException missing = assertThrows(ConfigException.class, () -> runner().run(
                config("name: x\nseed: 1\ndataset:\n  features: nope.npy\n  labels: nope.txt\n"),
                new RunOptions(results(), null, "")));
        assertEquals("dataset.features", missing.keyPath());
        assertNothingWritten();
        ConfigException unknownMode = assertThrows(ConfigException.class, () -> runner().run(
                config(QUICK.replace("[plaintext]", "[plaintext, magic]")), new RunOptions(results(), null, "")));
        assertEquals("search[1]", unknownMode.keyPath());
        ConfigException tooWide = assertThrows(ConfigException.class, () -> runner().run(
                config(QUICK.replace("[16, 4]", "[16, 400]")), new RunOptions(results(), null, "")));
        assertEquals("reduction[1].dimensions[1]", tooWide.keyPath());
        ConfigException offChain = assertThrows(ConfigException.class, () -> runner().run(
                config(QUICK.replace("method: truncate", "method: deepmds++").replace("[16, 4]", "[16, 100]")),
                new RunOptions(results(), null, "")));
        assertEquals("reduction[1].dimensions[1]", offChain.keyPath());
        assertTrue(offChain.getMessage().contains("[192, 128, 64, 32, 16, 8, 4]"), offChain.getMessage());
        ConfigException otherWidth = assertThrows(ConfigException.class, () -> runner().run(
                config(QUICK + "training: {dataset: {synthetic: {kind: arcface-like, identities: 4, samplesPerIdentity: 2}}}\n"),
                new RunOptions(results(), null, "")));
        assertEquals("training.dataset.synthetic.kind", otherWidth.keyPath());
        assertTrue(otherWidth.getMessage().contains("dimension 512 but the evaluated dataset has dimension 192"),
                otherWidth.getMessage());
        assertNothingWritten();
    }

    @Test
    void separateTrainingSetFitsPcaAndTheWholeDatasetIsEvaluated() throws IOException {
        String yaml = QUICK.replace("method: truncate", "method: pca")
                + "training: {dataset: {synthetic: {kind: deepprint-like, identities: 12, samplesPerIdentity: 3,"
                + " distractors: 5}}}\n";
        RunOutcome outcome = runner().run(config(yaml), new RunOptions(results(), "t", ""));
        for (ResultRow row : outcome.rows()) {
            assertEquals(30, row.galleryIdentities(), "all 30 identities evaluated, none held out: " + row);
        }
        assertTrue(outcome.rows().stream().anyMatch(r -> r.method().equals("pca") && r.dimension() == 4));
    }

    @Test
    void badDataFilesFailBeforeAnyWorkAndLeaveNothing() throws IOException {
        NpyBytes.write(dir.resolve("fortran.npy"), "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }",
                NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4));
        Files.writeString(dir.resolve("l.txt"), "0\n0\n");
        DataFormatException fortran = assertThrows(DataFormatException.class, () -> runner().run(
                config("name: x\nseed: 1\ndataset:\n  features: fortran.npy\n  labels: l.txt\n"),
                new RunOptions(results(), null, "")));
        assertTrue(fortran.getMessage().contains("fortran.npy"));
        NpyWriter.writeFloat32(dir.resolve("nan.npy"), new float[][] {{1, 0}, {Float.NaN, 0}});
        DataFormatException nan = assertThrows(DataFormatException.class, () -> runner().run(
                config("name: x\nseed: 1\ndataset:\n  features: nan.npy\n  labels: l.txt\n"),
                new RunOptions(results(), null, "")));
        assertTrue(nan.getMessage().contains("row 1"), nan.getMessage());
        assertNothingWritten();
    }

    @Test
    void otherSearchModesAreComparedWithPlaintext() throws IOException {
        // a mode that reproduces plaintext except that it swaps the best two items of every even probe
        // and adds 0.001 to every score
        StageRegistry registry = StageRegistry.defaults().withSearcher("sloppy", seed -> new Searcher() {
            @Override
            public String mode() {
                return "sloppy";
            }

            @Override
            public SearchResult search(SearchInput input, int k, Progress progress) {
                float[][] p = input.probes();
                SearchResult exact = new PlaintextSearcher(1).search(input, k, progress);
                for (int q = 0; q < p.length; q++) {
                    if (q % 2 == 0) {
                        int t = exact.indices()[q][0];
                        exact.indices()[q][0] = exact.indices()[q][1];
                        exact.indices()[q][1] = t;
                    }
                    for (int r = 0; r < k; r++) {
                        exact.scores()[q][r] += 0.001f;
                    }
                }
                return exact;
            }
        });
        RunOutcome outcome = new ExperimentRunner(registry, Progress.NONE).run(
                config(QUICK.replace("  - method: truncate\n    dimensions: [16, 4]\n", "").replace("[plaintext]", "[sloppy, plaintext]")),
                new RunOptions(results(), "cmp", ""));
        assertEquals(2, outcome.rows().size());
        assertEquals("sloppy", outcome.rows().get(0).search());
        assertEquals(0.5, outcome.rows().get(0).top1Agreement(), 1e-12);
        assertEquals(0.001, outcome.rows().get(0).maxScoreError(), 1e-5);
        assertEquals(1.0, outcome.rows().get(1).top1Agreement());
        assertEquals(0.0, outcome.rows().get(1).maxScoreError());
        Table rows = ResultsCsv.read(outcome.runDir().resolve(ResultsCsv.RESULTS));
        assertEquals(0.5, rows.doubleColumn("top1_agreement").get(0), 1e-12);
    }

    @Test
    void aFailureDuringTheRunRemovesThePartialDirectory() throws IOException {
        StageRegistry broken = StageRegistry.defaults().withSearcher("broken", seed -> new Searcher() {
            @Override
            public String mode() {
                return "broken";
            }

            @Override
            public SearchResult search(SearchInput input, int k, Progress progress) {
                throw new IllegalStateException("searcher exploded");
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ExperimentRunner(broken, Progress.NONE)
                .run(config(QUICK.replace("  - method: truncate\n    dimensions: [16, 4]\n", "")
                        .replace("[plaintext]", "[plaintext, broken]")), new RunOptions(results(), null, "")));
        assertEquals("searcher exploded", e.getMessage());
        assertNothingWritten();
    }
}
