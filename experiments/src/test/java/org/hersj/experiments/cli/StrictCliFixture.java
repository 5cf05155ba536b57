package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hersj.experiments.data.NpyWriter;
import org.hersj.fhe.io.Sha256;

/**
 * What the strict-input tests share: tiny generated data, a raw {@code .npy} writer for hand-made headers,
 * and the check every refused command must pass: its exit code, one line naming the problem, no stack
 * trace, and not one file under the test directory created, changed or removed.
 */
final class StrictCliFixture {

    private final CliHarness cli = new CliHarness();

    private StrictCliFixture() {
    }

    static StrictCliFixture create() {
        return new StrictCliFixture();
    }

    /** Runs a command that must succeed. */
    String ok(String... args) {
        int status = cli.run(args);
        assertEquals(0, status, String.join(" ", args) + " -> " + cli.err());
        return cli.out();
    }

    /**
     * Runs a command that must be refused: exit {@code status}, one error line containing {@code message},
     * no stack trace, and every file under {@code watched} byte-for-byte as before.
     *
     * @return the error line
     */
    String refused(int status, String message, Path watched, String... args) throws IOException {
        Map<Path, String> before = snapshot(watched);
        int got = cli.run(args);
        String err = cli.err().strip();
        assertEquals(status, got, String.join(" ", args) + " -> " + err);
        assertEquals(1, err.lines().count(), "one line: " + err);
        assertTrue(err.startsWith("hers: error: "), err);
        assertTrue(err.contains(message), "expected '" + message + "' in: " + err);
        assertFalse(err.contains("\tat ") || err.contains("Exception:"), "no stack trace or raw exception: " + err);
        assertEquals(before, snapshot(watched), "no file under " + watched + " may change");
        return err;
    }

    /** SHA-256 of every regular file under {@code root}, by path. */
    static Map<Path, String> snapshot(Path root) throws IOException {
        Map<Path, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                hashes.put(p, Sha256.hexOfFile(p));
            }
        }
        return hashes;
    }

    /** Random Gaussian rows (seeded). */
    static float[][] rows(int n, int d, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[n][d];
        for (float[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return rows;
    }

    /** Writes rows as a float32 {@code .npy}. */
    static Path npy(Path file, float[][] rows) throws IOException {
        NpyWriter.writeFloat32(file, rows);
        return file;
    }

    /** Writes labels {@code first, first+1, ...} as text, one per line. */
    static Path labels(Path file, int count, int first) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(first + i).append('\n');
        }
        Files.writeString(file, text);
        return file;
    }

    /**
     * Writes a version-1 {@code .npy} file with the header text given verbatim (padded as numpy pads it) and
     * {@code dataBytes} zero-free float32 data.
     */
    static Path rawNpy(Path file, String header, int floats) throws IOException {
        int unpadded = 10 + header.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String text = header + " ".repeat(padding) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        ByteBuffer length = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) text.length());
        out.write(length.array());
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        ByteBuffer data = ByteBuffer.allocate(4 * floats).order(ByteOrder.LITTLE_ENDIAN);
        Random random = new Random(5);
        for (int i = 0; i < floats; i++) {
            data.putFloat(0.5f + random.nextFloat());
        }
        out.write(data.array());
        Files.write(file, out.toByteArray());
        return file;
    }

    /** Flips one bit in the middle of a file. */
    static void flipBit(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(file, bytes);
    }

    /** Copies a directory tree (files only, flat or nested). */
    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
