package org.hersj.fhe.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesAtomicallyAndOwnerOnly() throws IOException {
        Path key = dir.resolve("secret.key");
        AtomicFiles.write(key, new byte[] {1, 2, 3}, true);
        AtomicFiles.write(key, new byte[] {4, 5}, true);
        assertArrayEquals(new byte[] {4, 5}, AtomicFiles.read(key));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary files are left behind");
        }
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }

    @Test
    void failuresNameTheFile() {
        Path missing = dir.resolve("no-such-dir").resolve("x.bin");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFiles.write(missing, new byte[1], false));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("x.bin"), e.getMessage());
        assertThrows(UncheckedIOException.class, () -> AtomicFiles.read(missing));
    }
}
