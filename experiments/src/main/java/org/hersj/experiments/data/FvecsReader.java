package org.hersj.experiments.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .fvecs} files (the TEXMEX / FAISS format): each record is a little-endian int32
 * dimension followed by that many little-endian float32 values. All records must share one dimension.
 */
public final class FvecsReader {

    private FvecsReader() {
    }

    /**
     * @param file the file to read
     * @return one row per record
     * @throws DataFormatException if a record is truncated or differs in dimension from the first
     */
    public static float[][] read(Path file) {
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<float[]> rows = new ArrayList<>();
        int dimension = -1;
        while (bytes.hasRemaining()) {
            int record = rows.size();
            if (bytes.remaining() < 4) {
                throw new DataFormatException(file, "record " + record + " is truncated inside its dimension field");
            }
            int d = bytes.getInt();
            if (d <= 0) {
                throw new DataFormatException(file, "record " + record + " declares dimension " + d
                        + "; expected a positive dimension");
            }
            if (dimension < 0) {
                dimension = d;
            } else if (d != dimension) {
                throw new DataFormatException(file, "record " + record + " has dimension " + d
                        + " but record 0 has " + dimension + "; all vectors must have the same dimension");
            }
            if (bytes.remaining() < 4L * d) {
                throw new DataFormatException(file, "record " + record + " is truncated: it declares " + d
                        + " floats but only " + bytes.remaining() / 4 + " remain");
            }
            float[] row = new float[d];
            bytes.asFloatBuffer().get(row);
            bytes.position(bytes.position() + 4 * d);
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new DataFormatException(file, "the file is empty; expected at least one vector");
        }
        return rows.toArray(new float[0][]);
    }
}
