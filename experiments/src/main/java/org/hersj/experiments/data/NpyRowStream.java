package org.hersj.experiments.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.NoSuchElementException;

/**
 * Streams the rows of a 2-D, little-endian, C-ordered float32 or float64 {@code .npy} feature matrix of any
 * size (far above 2 GB) through a fixed buffer of a few MB, so memory stays bounded whatever the file size.
 * The header is checked by {@link NpyHeader} (including that the file size matches the shape) when the
 * stream is opened; {@link #next} delivers rows L2-normalised by {@link UnitNormalizer}, {@link #skip} jumps
 * over rows without reading them. One thread at a time.
 */
public final class NpyRowStream implements AutoCloseable {

    /** Buffer size used by {@link #open(Path)}: 4 MiB. */
    public static final int DEFAULT_BUFFER_BYTES = 4 << 20;

    private final Path file;
    private final FileChannel channel;
    private final NpyHeader header;
    private final long rowCount;
    private final int dimension;
    private final int rowBytes;
    private final ByteBuffer buffer;
    private long nextRow;

    private NpyRowStream(Path file, FileChannel channel, int bufferBytes) throws IOException {
        this.file = file;
        this.channel = channel;
        this.header = NpyHeader.read(file, channel);
        header.requireFeatureMatrix(file);
        long[] shape = header.shape();
        int elementBytes = header.type().bytes();
        if (shape[1] > Integer.MAX_VALUE / elementBytes) {
            throw new DataFormatException(file, "rows of " + shape[1] + " values are too long; expected a feature"
                    + " dimension below " + Integer.MAX_VALUE / elementBytes);
        }
        this.rowCount = shape[0];
        this.dimension = (int) shape[1];
        this.rowBytes = dimension * elementBytes;
        int rowsPerBuffer = Math.max(1, bufferBytes / rowBytes);
        this.buffer = ByteBuffer.allocateDirect(rowsPerBuffer * rowBytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.limit(0);
    }

    /**
     * Opens a feature matrix with a {@link #DEFAULT_BUFFER_BYTES} buffer.
     *
     * @param file a 2-D float32/float64 {@code .npy} file
     * @return a stream positioned at row 0
     * @throws DataFormatException naming the file if it is not such a matrix or its size does not match its shape
     * @throws IOException         if the file cannot be read
     */
    public static NpyRowStream open(Path file) throws IOException {
        return open(file, DEFAULT_BUFFER_BYTES);
    }

    /**
     * Opens a feature matrix, reading it through a buffer of about {@code bufferBytes} bytes (at least one row).
     *
     * @param file        a 2-D float32/float64 {@code .npy} file
     * @param bufferBytes buffer size in bytes
     * @return a stream positioned at row 0
     * @throws DataFormatException naming the file if it is not such a matrix or its size does not match its shape
     * @throws IOException         if the file cannot be read
     */
    public static NpyRowStream open(Path file, int bufferBytes) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new NpyRowStream(file, channel, bufferBytes);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** @return the file being read */
    public Path file() {
        return file;
    }

    /** @return the number of rows in the file */
    public long rowCount() {
        return rowCount;
    }

    /** @return the number of values per row */
    public int dimension() {
        return dimension;
    }

    /** @return the 0-based index of the row the next call to {@link #next} delivers */
    public long position() {
        return nextRow;
    }

    /**
     * Copies the next row, scaled to unit length, into {@code row}.
     *
     * @param row destination of length {@link #dimension()}
     * @throws DataFormatException    naming the file and the 0-based row if the row is zero or not finite
     * @throws NoSuchElementException past the last row
     * @throws IOException            if the file cannot be read
     */
    public void next(float[] row) throws IOException {
        long index = nextRow;
        nextRaw(row);
        try {
            UnitNormalizer.normalize(row, index);
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(file, e.getMessage());
        }
    }

    /**
     * Copies the next row as stored (float64 values rounded to float32), without normalising it.
     *
     * @param row destination of length {@link #dimension()}
     * @throws NoSuchElementException past the last row
     * @throws IOException            if the file cannot be read
     */
    public void nextRaw(float[] row) throws IOException {
        if (row.length != dimension) {
            throw new IllegalArgumentException("row buffer of length " + row.length + " for rows of " + dimension
                    + " values of " + file);
        }
        if (nextRow >= rowCount) {
            throw new NoSuchElementException(file + " holds only " + rowCount + " rows");
        }
        if (!buffer.hasRemaining()) {
            fill();
        }
        if (header.type() == NpyArray.NpyType.FLOAT32) {
            for (int j = 0; j < dimension; j++) {
                row[j] = buffer.getFloat();
            }
        } else {
            for (int j = 0; j < dimension; j++) {
                row[j] = (float) buffer.getDouble();
            }
        }
        nextRow++;
    }

    /**
     * Moves past {@code rows} rows without reading them (beyond what is already buffered).
     *
     * @param rows number of rows to skip, at most the number left
     * @throws IllegalArgumentException if {@code rows} is negative or more than the rows left
     */
    public void skip(long rows) {
        if (rows < 0 || rows > rowCount - nextRow) {
            throw new IllegalArgumentException("cannot skip " + rows + " rows at row " + nextRow + " of " + file
                    + ", which holds " + rowCount + " rows");
        }
        long buffered = buffer.remaining() / rowBytes;
        if (rows <= buffered) {
            buffer.position(buffer.position() + (int) rows * rowBytes);
        } else {
            buffer.position(buffer.limit());
        }
        nextRow += rows;
    }

    /** Refills the buffer with whole rows starting at {@link #nextRow}, read at their byte offset. */
    private void fill() throws IOException {
        long rows = Math.min(buffer.capacity() / rowBytes, rowCount - nextRow);
        buffer.clear().limit((int) rows * rowBytes);
        long at = rowOffset(header.dataOffset(), nextRow, rowBytes);
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new DataFormatException(file, "the file ended inside row " + (nextRow + buffer.position() / rowBytes)
                        + " of " + rowCount + "; it was truncated while being read");
            }
            at += n;
        }
        buffer.flip();
    }

    /**
     * Byte offset of a row in the file, in long arithmetic (files far above 2 GB).
     *
     * @param dataOffset offset of the first element
     * @param row        0-based row index
     * @param rowBytes   bytes per row
     * @return the offset of the row's first byte
     * @throws ArithmeticException if it does not fit in a long
     */
    static long rowOffset(long dataOffset, long row, int rowBytes) {
        return Math.addExact(dataOffset, Math.multiplyExact(row, (long) rowBytes));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
