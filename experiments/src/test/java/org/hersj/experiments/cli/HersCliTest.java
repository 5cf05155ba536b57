package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.experiments.data.Dataset;
import org.hersj.experiments.data.DatasetLoader;
import org.hersj.experiments.run.StageRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HersCliTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        StringWriter output = new StringWriter();
        StringWriter errors = new StringWriter();
        int status = HersCli.commandLine(StageRegistry.defaults(), args, new PrintWriter(output, true),
                new PrintWriter(errors, true)).execute(args);
        out = output.toString();
        err = errors.toString();
        return status;
    }

    @Test
    void helpWorksOnEveryCommand() {
        assertEquals(0, run("--help"));
        assertTrue(out.contains("run") && out.contains("report") && out.contains("data"), out);
        assertEquals(0, run("run", "--help"));
        assertEquals(0, run("report", "--help"));
        assertEquals(0, run("data", "synth", "--help"));
    }

    @Test
    void usageErrorsAreOneLineWithStatus2() {
        assertEquals(2, run("run"));
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("hers: error: Missing required parameter"), err);
        assertEquals(2, run("data", "synth", "--kind", "arcface-like"));
        assertEquals(2, run("frobnicate"));
    }

    @Test
    void badConfigIsOneLineNamingFileAndKeyWithoutStackTrace() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "name: x\nseeed: 1\n");
        assertEquals(1, run("run", config.toString(), "--results-dir", dir.resolve("out").toString(), "--quiet"));
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.contains("bad.yaml: seeed: unknown key"), err);
        assertFalse(Files.exists(dir.resolve("out")));
        assertEquals(1, run("run", config.toString(), "--verbose", "--results-dir", dir.resolve("out").toString()));
        assertTrue(err.contains("\tat "), "--verbose adds the stack trace: " + err);
    }

    @Test
    void dataSynthWritesLoadableNpyFiles() throws IOException {
        Path out = dir.resolve("synth");
        assertEquals(0, run("data", "synth", "--kind", "deepprint-like", "--identities", "4", "--samples-per-identity", "3",
                "--distractors", "5", "--seed", "9", "--out", out.toString(), "--quiet"), err);
        assertTrue(this.out.contains("wrote 17 vectors of dimension 192"), this.out);
        Dataset d = DatasetLoader.load("s", out.resolve("embeddings.npy"), out.resolve("labels.npy"));
        assertEquals(17, d.size());
        assertEquals(192, d.dimension());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, -1, -1, -1, -1, -1}, d.labels());
        assertEquals(1, run("data", "synth", "--kind", "deepprint-like", "--identities", "4", "--samples-per-identity",
                "3", "--seed", "9", "--out", out.toString()));
        assertTrue(err.contains("--force"), err);
        assertEquals(1, run("data", "synth", "--kind", "face", "--identities", "4", "--samples-per-identity", "3",
                "--seed", "9", "--out", dir.resolve("x").toString()));
        assertTrue(err.contains("arcface-like"), err);
        assertEquals(1, run("data", "synth", "--kind", "arcface-like", "--identities", "0", "--samples-per-identity", "3",
                "--seed", "9", "--out", dir.resolve("x").toString()));
    }

    @Test
    void dataSynthTakesTheManifoldShapeAndNamesABadOption() throws IOException {
        Path out = dir.resolve("manifold");
        assertEquals(0, run("data", "synth", "--kind", "manifold-like", "--identities", "3", "--samples-per-identity", "2",
                "--seed", "9", "--latent-dimension", "6", "--dimension", "48", "--gain", "19.6", "--no-mixing",
                "--out", out.toString(), "--quiet"), err);
        assertEquals(48, DatasetLoader.load("m", out.resolve("embeddings.npy"), out.resolve("labels.npy")).dimension());
        assertEquals(1, run("data", "synth", "--kind", "manifold-like", "--identities", "3", "--samples-per-identity", "2",
                "--seed", "9", "--latent-dimension", "70", "--out", dir.resolve("x").toString()));
        assertTrue(err.contains("--latent-dimension: is 70; expected an integer from 2 to 64"), err);
        assertEquals(1, run("data", "synth", "--kind", "arcface-like", "--identities", "3", "--samples-per-identity", "2",
                "--seed", "9", "--dimension", "48", "--out", dir.resolve("x").toString()));
        assertTrue(err.contains("--dimension: is only for kind manifold-like"), err);
        assertFalse(Files.exists(dir.resolve("x")));
    }

    @Test
    void reportOnAMissingDirectoryFails() {
        assertEquals(1, run("report", dir.resolve("nothing").toString()));
        assertTrue(err.contains("not a directory"), err);
    }

    @Test
    void progressBarLineShowsFractionAndCounts() {
        assertEquals("search plaintext             [###############...............]  50% 4/8",
                ProgressBar.line("search plaintext", 4, 8));
    }
}
