package org.hersj.fhe.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The project's one way of writing a file, with one durability rule: the content goes to a temporary name
 * in the target's directory, is forced to disk, is renamed atomically over the target, and the directory
 * is forced too, so a crash leaves either the old file or the complete new one under the real name, never
 * a half-written one. Secret material is owner-only (rw-------) from the moment the temporary file exists;
 * everything else is rw-r--r--. Every module writes through this class except {@code reduction}, which may
 * not depend on fhe and keeps a copy of the same rule.
 */
public final class AtomicFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> SHARED = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFiles() {
    }

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface Content {
        /**
         * @param out where to write; buffered, flushed and closed by the caller
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically and durably from {@code content}.
     *
     * @param target final path (its directory must exist)
     * @param content writes the bytes
     * @param ownerOnly true for secret keys: readable and writable by the owner only
     * @throws IOException naming the file if writing or renaming fails; the temporary file is then removed
     */
    public static void write(Path target, Content content, boolean ownerOnly) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] attributes = ownerOnly && posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp", attributes);
        try {
            if (!ownerOnly && posix) {
                Files.setPosixFilePermissions(temp, SHARED);
            } else if (ownerOnly && !posix) {
                java.io.File f = temp.toFile();
                f.setReadable(false, false);
                f.setWritable(false, false);
                f.setReadable(true, true);
                f.setWritable(true, true);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(temp, absolute);
            temp = null;
        } catch (IOException e) {
            throw new IOException("could not write " + absolute + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * {@link #write(Path, Content, boolean)} of a byte array.
     *
     * @throws UncheckedIOException naming the file if writing fails
     */
    public static void write(Path target, byte[] bytes, boolean ownerOnly) {
        try {
            write(target, out -> out.write(bytes), ownerOnly);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** {@link #write(Path, Content, boolean)} of a file that is not secret. */
    public static void write(Path target, Content content) throws IOException {
        write(target, content, false);
    }

    /** {@link #write(Path, Content, boolean)} of a UTF-8 text, not secret. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), false);
    }

    /**
     * Renames {@code source} to {@code target} (a file or a whole directory), atomically where the file
     * system allows it, replacing a file of that name, then forces the parent directory so the rename
     * survives a crash.
     *
     * @throws IOException if the rename fails
     */
    public static void moveIntoPlace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Renames a complete {@code source} (a file or a whole directory built under a temporary name) to
     * {@code target}, which must not exist, atomically, then forces the parent directory. Used where an
     * existing target means another writer won the race (run directories, cache stages, galleries).
     *
     * @throws java.nio.file.FileAlreadyExistsException if {@code target} exists
     * @throws IOException if the rename fails (the file system cannot rename atomically, or another error)
     */
    public static void publish(Path source, Path target) throws IOException {
        Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * @param source file to read
     * @return its bytes
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public static byte[] read(Path source) {
        try {
            return Files.readAllBytes(source);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + source.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** Forces a directory's entries to disk where the platform allows opening a directory (Linux, macOS). */
    private static void forceDirectory(Path dir) {
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; its rename is durable once the file was forced
        }
    }
}
