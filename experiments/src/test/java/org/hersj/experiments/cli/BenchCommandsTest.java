package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hersj.experiments.bench.ComplexitySection;
import org.hersj.experiments.bench.SearchBenchSection;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ckks.NoiseFlooding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hers bench search} and {@code hers bench complexity} on tiny galleries (files, not timings). */
class BenchCommandsTest {

    @TempDir
    Path dir;

    private String err;

    private final CliHarness cli = new CliHarness();

    private int run(String... args) {
        int status = cli.run(args);
        err = cli.err();
        return status;
    }

    @Test
    void benchSearchWritesCsvPlotAndSectionWithAccurateScores() throws IOException {
        Path out = dir.resolve("bench");
        assertEquals(0, run("bench", "search", "--preset", "SEARCH_N4096", "--dims", "4", "--sizes", "50,5000",
                "--reps", "1", "--score-form", "both", "--stream-from-disk", "--out", out.toString(), "--quiet"), err);
        List<String> csv = Files.readAllLines(out.resolve(SearchBenchSection.CSV));
        assertEquals(5, csv.size(), "two score forms at two sizes: " + String.join("\n", csv));
        List<String> header = List.of(csv.get(0).split(","));
        long[] scoresBytes = new long[5];
        for (int i = 1; i < csv.size(); i++) {
            String[] cells = csv.get(i).split(",");
            assertEquals(i <= 2 ? "java:relinearized" : "java:degree-two", cells[0]);
            assertEquals(i % 2 == 1 ? "50" : "5000", cells[header.indexOf("items")]);
            assertEquals(i % 2 == 1 ? "1" : "2", cells[header.indexOf("records")],
                    "blocks of N = 4096 items: two items per complex slot");
            // decrypted as hers rank does: flooded (std 1.5e-5), within the bound the preset choice counts
            double error = Double.parseDouble(cells[header.indexOf("max_abs_error")]);
            assertTrue(error < CkksPresets.scoreError("SEARCH_N4096", false, NoiseFlooding.DEFAULT_BITS)
                    && error > 1e-6, "flooded scores: " + csv.get(i));
            double perItem = Double.parseDouble(cells[header.indexOf("bytes_per_item")]);
            // the benchmark enrolls as the key owner: seeded ciphertexts, two blocks of 4096 items, 4 dims x
            // (46 + 38) bits of c_0 bit-packed = 42 bytes per slot of a block, plus seeds, header and framing
            if (i % 2 == 0) {
                assertTrue(perItem > 42 * 8192 / 5000.0 && perItem < 42 * 8192 / 5000.0 + 1, csv.get(i));
            }
            scoresBytes[i] = Long.parseLong(cells[header.indexOf("scores_bytes")]);
        }
        assertTrue(scoresBytes[4] > 2 * scoresBytes[2], "degree-2 scores: three polynomials at both primes");
        assertTrue(Files.size(out.resolve(SearchBenchSection.PLOT + ".png")) > 1000);
        assertTrue(Files.exists(out.resolve(SearchBenchSection.PLOT + ".svg")));
        String md = Files.readString(out.resolve("sections").resolve(SearchBenchSection.SECTION));
        assertTrue(md.contains("Extrapolated to 10^8 items"), md);
        assertTrue(md.contains("| java:relinearized (hers-complex-encrypted) | 5,000 | 4 |")
                && md.contains("| java:degree-two (hers-complex-encrypted-degree2) | 5,000 | 4 |"), md);

        Path exact = dir.resolve("bench-exact");
        assertEquals(0, run("bench", "search", "--preset", "SEARCH_N4096", "--dims", "4", "--sizes", "50", "--reps", "1",
                "--exact-scores", "--out", exact.toString(), "--quiet"), err);
        List<String> exactCsv = Files.readAllLines(exact.resolve(SearchBenchSection.CSV));
        String[] row = exactCsv.get(1).split(",");
        assertTrue(Double.parseDouble(row[header.indexOf("max_abs_error")]) < 1e-5,
                "--exact-scores: the circuit's own error: " + exactCsv.get(1));
    }

    @Test
    void complexityCountsMatchTheFormulaOfEachLayout() throws IOException {
        Path out = dir.resolve("complexity");
        assertEquals(0, run("bench", "complexity", "--preset", "SEARCH_N4096", "--dims", "8", "--baseline-sizes", "3,5",
                "--sizes", "10,2100", "--out", out.toString(), "--quiet"), err);
        List<String> csv = Files.readAllLines(out.resolve(ComplexitySection.CSV));
        assertEquals(7, csv.size(), "prior layout, hers and hers-complex at two sizes each: " + String.join("\n", csv));
        List<String> header = List.of(csv.get(0).split(","));
        for (String line : csv.subList(1, csv.size())) {
            String[] cells = line.split(",");
            assertEquals("true", cells[header.indexOf("formula_matches_count")], line);
            long items = Long.parseLong(cells[header.indexOf("items")]);
            long rotations = Long.parseLong(cells[header.indexOf("rotations")]);
            long ciphertexts = Long.parseLong(cells[header.indexOf("ciphertexts")]);
            if (cells[0].equals("boddeti2018")) {
                assertEquals(items, ciphertexts, line);
                assertEquals(3 * items, rotations, "log2(8) rotations per item: " + line);
            } else {
                int block = cells[0].equals("hers-complex") ? 4096 : 2048;
                assertEquals(0, rotations, line);
                assertEquals(8 * ((items + block - 1) / block), ciphertexts, "d ciphertexts per block: " + line);
            }
            assertTrue(Double.parseDouble(cells[header.indexOf("max_abs_error")]) < 1e-5, line);
        }
        String md = Files.readString(out.resolve("sections").resolve(ComplexitySection.SECTION));
        assertTrue(md.contains("8-d: hers is") && md.contains("8-d: hers-complex is"), md);
        assertTrue(Files.size(out.resolve(ComplexitySection.PLOT + ".png")) > 1000);
    }
}
