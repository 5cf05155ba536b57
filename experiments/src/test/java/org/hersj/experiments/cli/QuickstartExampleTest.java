package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hersj.experiments.run.StageRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The README's first command, {@code ./hers run configs/quickstart.yaml}, run as a test (as Lattigo runs
 * its examples): the shipped config runs to the end, every sweep point it asks for has a row, encrypted
 * rankings equal plaintext ones, and the run directory holds what the README promises.
 */
class QuickstartExampleTest {

  private static final Path QUICKSTART = Path.of("..", "configs", "quickstart.yaml");

  @Test
  void quickstartRunsEndToEndWithEncryptedRankingsEqualToPlaintext(@TempDir Path results) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] args = {"run", QUICKSTART.toString(), "--results-dir", results.toString(), "--run-id", "test", "--quiet"};
    int status = HersCli.commandLine(StageRegistry.defaults(), args, new PrintWriter(out, true),
        new PrintWriter(err, true)).execute(args);
    assertEquals(0, status, err.toString());

    JsonNode config = new YAMLMapper().readTree(QUICKSTART.toFile());
    Path run = results.resolve(config.get("name").asText()).resolve("test");
    for (String file : List.of("config.yaml", "provenance.json", "report.md", "rank1.csv", "cmc.csv", "timings.csv")) {
      assertTrue(Files.isRegularFile(run.resolve(file)), "missing " + file + " in " + run);
    }
    JsonNode provenance = new ObjectMapper().readTree(run.resolve("provenance.json").toFile());
    assertEquals(config.get("seed").asLong(), provenance.path("seeds").path("run").asLong(), "provenance records the seed");
    assertTrue(provenance.path("inputs").get(0).path("sha256").asText().matches("[0-9a-f]{64}"), "input hashes");

    List<String[]> rows = new ArrayList<>();
    try (Stream<String> lines = Files.lines(run.resolve("rank1.csv"))) {
      lines.skip(1).map(l -> l.split(",", -1)).forEach(rows::add);
    }
    assertEquals(expectedSweepPoints(config), rows.size(), "one rank-1 row per method x dimension");
    int encrypted = 0;
    for (String[] row : rows) {
      double plain = Double.parseDouble(row[3]);
      assertTrue(plain > 0 && plain <= 1, String.join(",", row));
      if (!row[4].isEmpty()) {
        encrypted++;
        assertEquals(row[3], row[4], "encrypted rank-1 equals plaintext: " + String.join(",", row));
        assertEquals("100.0 %", row[5], "every encrypted top-1 equals the plaintext top-1: " + String.join(",", row));
      }
    }
    assertTrue(encrypted > 0, "the quickstart searches under encryption");
    for (String line : out.toString().lines().toList()) {
      assertFalse(line.contains(" INFO "), "no library log line on standard output: " + line);
    }
  }

  @Test
  void librariesLogWarningsOnlyByDefault() {
    // simplelogger.properties (the CLI's runtime binding): ND4J's INFO start-up lines and build block are off
    Logger nd4j = LoggerFactory.getLogger("org.nd4j.linalg.cpu.nativecpu.CpuBackend");
    assertFalse(nd4j.isInfoEnabled(), "ND4J info lines would be printed on every run");
    assertTrue(nd4j.isWarnEnabled(), "warnings must still reach the user");
  }

  private static int expectedSweepPoints(JsonNode config) {
    int points = 0;
    for (JsonNode entry : config.get("reduction")) {
      JsonNode dims = entry.get("dimensions");
      points += dims == null ? 1 : dims.size();
    }
    return points;
  }
}
