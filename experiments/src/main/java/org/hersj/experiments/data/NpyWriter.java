package org.hersj.experiments.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.hersj.fhe.io.AtomicFiles;
import java.nio.file.Path;

/**
 * Writes NumPy {@code .npy} files (format 1.0, little-endian, C order): float32 matrices and int64
 * label vectors. Each file is written to a temporary name beside the target and renamed into place.
 */
public final class NpyWriter {

    private NpyWriter() {
    }

    /**
     * Writes a 2-D float32 array.
     *
     * @param file target file
     * @param rows rows of equal length
     * @throws IOException if the file cannot be written
     */
    public static void writeFloat32(Path file, float[][] rows) throws IOException {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        ByteBuffer data = ByteBuffer.allocate(Math.multiplyExact(Math.multiplyExact(rows.length, cols), 4))
                .order(ByteOrder.LITTLE_ENDIAN);
        for (float[] row : rows) {
            if (row.length != cols) {
                throw new IllegalArgumentException("ragged rows: " + row.length + " vs " + cols);
            }
            for (float v : row) {
                data.putFloat(v);
            }
        }
        write(file, "<f4", "(" + rows.length + ", " + cols + ")", data.array());
    }

    /**
     * Writes a 1-D int64 array.
     *
     * @param file   target file
     * @param labels values
     * @throws IOException if the file cannot be written
     */
    public static void writeInt64(Path file, int[] labels) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(Math.multiplyExact(labels.length, 8)).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : labels) {
            data.putLong(v);
        }
        write(file, "<i8", "(" + labels.length + ",)", data.array());
    }

    private static void write(Path file, String descr, String shape, byte[] data) throws IOException {
        StringBuilder header = new StringBuilder("{'descr': '" + descr + "', 'fortran_order': False, 'shape': "
                + shape + ", }");
        int total = 10 + header.length() + 1;
        header.append(" ".repeat((64 - total % 64) % 64)).append('\n');
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.ISO_8859_1);
        AtomicFiles.write(file, out -> {
            out.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            out.write(headerBytes.length & 0xff);
            out.write(headerBytes.length >>> 8);
            out.write(headerBytes);
            out.write(data);
        });
    }
}
