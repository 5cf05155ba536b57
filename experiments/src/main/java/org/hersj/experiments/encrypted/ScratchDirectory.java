package org.hersj.experiments.encrypted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary directory for the score files of one search (flat: files only), removed with its files
 * when closed.
 */
final class ScratchDirectory implements AutoCloseable {

    private final Path dir;

    /** Creates a fresh temporary directory. */
    ScratchDirectory() throws IOException {
        this.dir = Files.createTempDirectory("hers-scores-");
    }

    /** @return the directory */
    Path path() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
