package org.hersj.experiments.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads whole NumPy {@code .npy} files (format versions 1 to 3) holding little-endian, C-ordered float32,
 * float64, int32 or int64 arrays into memory (up to 2 GB of data; {@link NpyRowStream} streams feature
 * matrices of any size). Fortran order, big-endian data, other element types and truncated files are
 * refused by {@link NpyHeader} with a message naming the file.
 */
public final class NpyReader {

    /** Largest data size a heap buffer can hold. */
    private static final long MAX_IN_MEMORY_BYTES = Integer.MAX_VALUE - 64;

    private NpyReader() {
    }

    /**
     * Reads a whole {@code .npy} file.
     *
     * @param file the file to read
     * @return its type, shape and data
     * @throws DataFormatException if the file is not a supported {@code .npy} array
     */
    public static NpyArray read(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            NpyHeader header = NpyHeader.read(file, channel);
            long size = header.dataBytes();
            if (size > MAX_IN_MEMORY_BYTES) {
                throw new DataFormatException(file, "array of " + size + " bytes is larger than the 2 GB this reader"
                        + " holds in memory; stream feature matrices with NpyRowStream instead");
            }
            ByteBuffer data = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
            long at = header.dataOffset();
            while (data.hasRemaining()) {
                int n = channel.read(data, at);
                if (n < 0) {
                    throw new DataFormatException(file, "the file ended while its data was being read;"
                            + " it was truncated or is still being written");
                }
                at += n;
            }
            return new NpyArray(header.type(), header.shape(), data.flip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
