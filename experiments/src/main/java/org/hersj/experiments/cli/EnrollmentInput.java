package org.hersj.experiments.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import org.hersj.fhe.io.Sha256;

/**
 * What an enrollment is made from, as recorded in its journal (see
 * {@link org.hersj.fhe.search.store.InputIdentity}): the feature file's size, modification time and SHA-256
 * (of the whole file up to {@value #WHOLE_FILE_LIMIT} bytes, else of its first and last
 * {@value #BLOCK_BYTES} bytes), and the SHA-256 of the labels file. A resume from a file that differs in any
 * of these is refused.
 */
final class EnrollmentInput {

    /** Feature files up to this size are hashed whole (64 MiB: well under a second). */
    static final long WHOLE_FILE_LIMIT = 64L << 20;
    /** Bytes hashed at each end of a larger file (the header is in the first block). */
    static final int BLOCK_BYTES = 1 << 20;

    private EnrollmentInput() {
    }

    /**
     * @param features the feature file
     * @param labels   the labels file, or null
     * @return the identity fields, {@code key=value; ...}
     * @throws IOException if a file cannot be read
     */
    static String identity(Path features, Path labels) throws IOException {
        long size = Files.size(features);
        StringBuilder s = new StringBuilder("features.size=").append(size)
                .append("; features.mtime=").append(Files.getLastModifiedTime(features).toMillis());
        if (size <= WHOLE_FILE_LIMIT) {
            s.append("; features.sha256=").append(Sha256.hexOfFile(features));
        } else {
            s.append("; features.sha256-first-last-MiB=").append(firstAndLast(features, size));
        }
        s.append("; labels.sha256=").append(labels == null ? "none" : Sha256.hexOfFile(labels));
        return s.toString();
    }

    private static String firstAndLast(Path file, long size) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (long at : new long[] {0, size - BLOCK_BYTES}) {
                ByteBuffer block = ByteBuffer.allocate(BLOCK_BYTES);
                while (block.hasRemaining() && channel.read(block, at + block.position()) > 0) {
                    // keep reading
                }
                digest.update(block.array(), 0, block.position());
            }
        }
        return Sha256.hex(digest.digest());
    }
}
