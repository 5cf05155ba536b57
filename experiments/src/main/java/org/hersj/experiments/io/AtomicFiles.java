package org.hersj.experiments.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes files so that readers never see a half-written one: the content goes to a temporary file in
 * the same directory, which is then renamed over the target.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write; closed by the caller
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} atomically.
     *
     * @param file    target path; its parent directory must exist
     * @param content writes the bytes
     * @throws IOException if writing or renaming fails; the temporary file is then removed
     */
    public static void write(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            makeReadable(temp, "rw-r--r--");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp))) {
                content.writeTo(out);
            }
            moveIntoPlace(temp, target);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Writes a UTF-8 text file atomically.
     *
     * @param file target path
     * @param text the content
     * @throws IOException if writing fails
     */
    public static void writeString(Path file, String text) throws IOException {
        write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Gives a file the usual permissions of a shared result (temporary files start owner-only).
     *
     * @param path        a file or directory
     * @param permissions POSIX permissions such as {@code rw-r--r--}; ignored where POSIX is unsupported
     * @throws IOException if the permissions cannot be set
     */
    public static void makeReadable(Path path, String permissions) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        }
    }

    /**
     * Renames {@code source} to {@code target}, atomically where the file system allows it.
     *
     * @param source existing file or directory
     * @param target new name, in the same file system
     * @throws IOException if the rename fails
     */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
