package org.hersj.experiments.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.io.AtomicFiles;

/**
 * Finished stages (fitted models, encrypted galleries) kept under
 * {@code results/<experiment>/cache/<kind>/<sha256 of inputs and settings>/}. A stage directory is built
 * under a temporary name and renamed into place only when complete, so an interrupted stage is redone and
 * a present one is always whole.
 */
public final class StageCache {

    private final Path root;

    /** @param root the cache directory ({@code results/<experiment>/cache}) */
    public StageCache(Path root) {
        this.root = root;
    }

    /** Work that fills a fresh stage directory. */
    @FunctionalInterface
    public interface Builder {
        /**
         * @param dir an empty directory to fill
         * @throws IOException if writing fails
         */
        void build(Path dir) throws IOException;
    }

    /**
     * @param kind    stage kind, e.g. {@code model} or {@code gallery}
     * @param hash    the stage's input hash ({@link Hasher#hex()})
     * @param builder fills the directory when it is not cached yet
     * @return the complete stage directory and whether it was reused
     */
    public Entry getOrBuild(String kind, String hash, Builder builder) {
        Path dir = root.resolve(kind).resolve(hash);
        if (Files.isDirectory(dir)) {
            return new Entry(dir, true);
        }
        Path temp = root.resolve(kind).resolve(hash + ".partial-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectories(temp);
            builder.build(temp);
            AtomicFiles.publish(temp, dir);
            return new Entry(dir, false);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new UncheckedIOException("cannot build cached stage " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover partial directory is never mistaken for a finished stage
        }
    }

    /**
     * A cached stage.
     *
     * @param dir    its directory
     * @param reused whether it was there already
     */
    public record Entry(Path dir, boolean reused) {
    }

    /** Accumulates a SHA-256 over a stage's inputs and settings. */
    public static final class Hasher {
        private final MessageDigest digest;

        /** Starts an empty hash. */
        public Hasher() {
            digest = Sha256.newDigest();
        }

        /** @param text a setting @return this hasher */
        public Hasher add(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            add(bytes.length);
            digest.update(bytes);
            return this;
        }

        /** @param value a setting @return this hasher */
        public Hasher add(long value) {
            digest.update(ByteBuffer.allocate(8).putLong(value).array());
            return this;
        }

        /** @param rows vectors (shape and values) @return this hasher */
        public Hasher add(float[][] rows) {
            add(rows.length);
            for (float[] row : rows) {
                ByteBuffer b = ByteBuffer.allocate(4 * row.length + 8).order(ByteOrder.LITTLE_ENDIAN);
                b.putLong(row.length);
                for (float v : row) {
                    b.putFloat(v);
                }
                digest.update(b.array());
            }
            return this;
        }

        /** @param labels labels @return this hasher */
        public Hasher add(int[] labels) {
            ByteBuffer b = ByteBuffer.allocate(4 * labels.length + 8).order(ByteOrder.LITTLE_ENDIAN);
            b.putLong(labels.length);
            for (int v : labels) {
                b.putInt(v);
            }
            digest.update(b.array());
            return this;
        }

        /** @return the hash as 64 hex digits (finishes this hasher) */
        public String hex() {
            return HexFormat.of().formatHex(digest.digest());
        }
    }
}
