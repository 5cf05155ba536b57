package org.hersj.experiments.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hersj.experiments.progress.Progress;
import org.hersj.experiments.run.ExperimentRunner;
import org.hersj.experiments.run.StageRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hers reproduce} on two tiny configs: REPORT.md has every section, table and plot, links resolve. */
class ReproductionTest {

    private static final String CONFIG = """
            name: %s
            seed: %d
            dataset:
              name: %s-data
              synthetic: {kind: deepprint-like, identities: 30, samplesPerIdentity: 3, distractors: 40}
            reduction:
              - {method: identity}
              - {method: pca, dimensions: [16, 8]}
            search: [plaintext]
            metrics: {cmcMaxRank: 5}
            """;

    @TempDir
    Path dir;

    @Test
    void reportEmbedsEveryRunTablePlotAndSection() throws IOException {
        Path configs = Files.createDirectories(dir.resolve("configs"));
        for (String name : List.of("alpha", "beta")) {
            Files.writeString(configs.resolve(name + ".yaml"), CONFIG.formatted(name, name.length(), name));
        }
        Path results = dir.resolve("results");
        Path sections = Files.createDirectories(results.resolve("reproduce").resolve("t1").resolve("sections"));
        Files.writeString(sections.resolve("20-scaling.md"), "## Search time vs gallery size\n\nmeasured elsewhere\n");

        Path report = new Reproduction(new ExperimentRunner(StageRegistry.defaults(), Progress.NONE))
                .run(configs, List.of("alpha", "beta"), results, "t1", "hers reproduce");

        assertEquals(results.resolve("reproduce/t1/REPORT.md").toAbsolutePath().normalize(), report);
        String md = Files.readString(report);
        for (String text : List.of("## Rank-1 over all experiments", "## alpha", "## beta", "### Rank-1",
                "### Timing breakdown", "### Plots", "| alpha-data | pca | 16 |", "| beta-data | pca | 8 |",
                "## Search time vs gallery size", "measured elsewhere", "| **total** |")) {
            assertTrue(md.contains(text), text + " in\n" + md);
        }
        Matcher links = Pattern.compile("!\\[[^]]*]\\(([^)]+)\\)").matcher(md);
        int plots = 0;
        while (links.find()) {
            assertTrue(Files.isRegularFile(report.getParent().resolve(links.group(1))), links.group(1));
            plots++;
        }
        assertEquals(2 * 2, plots, "cmc and rank-1 vs dimension of each run");
    }

    @Test
    void unknownExperimentNameIsReportedBeforeAnyRun() {
        IOException e = assertThrows(IOException.class, () -> new Reproduction(
                new ExperimentRunner(StageRegistry.defaults(), Progress.NONE))
                .run(dir, List.of("nope"), dir.resolve("results"), "t2", "hers reproduce --only nope"));
        assertTrue(e.getMessage().contains("nope.yaml not found"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("results")));
    }

    @Test
    void sectionLinksAreRewrittenToResolveFromTheReport(@TempDir Path dir) {
        Path section = dir.resolve("sections").resolve("bench.md");
        String md = "![plot](../bench.png) and ![local](local.png), [web](https://example.org/x), [anchor](#top)";
        assertEquals("![plot](bench.png) and ![local](sections/local.png), [web](https://example.org/x), [anchor](#top)",
                ReproduceReport.linksFromReport(dir, section, md));
    }
}
