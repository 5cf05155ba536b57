package org.hersj.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The streaming .npy row reader against the whole-file reader, on tiny files (and one sparse file > 2 GB). */
class NpyRowStreamTest {

    private static final int ROWS = 23;
    private static final int DIMS = 5;

    @TempDir
    Path dir;

    private static double[] gaussians(long seed, int count) {
        Random random = new Random(seed);
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextGaussian() * 3;
        }
        return values;
    }

    private static String dict(String descr, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    }

    /** Rows as the whole-file reader and the in-memory normaliser produce them. */
    private static float[][] expectedRows(Path file) {
        NpyArray array = NpyReader.read(file);
        long[] shape = array.shape();
        float[][] rows = new float[(int) shape[0]][(int) shape[1]];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = (float) array.getDouble((long) i * shape[1] + j);
            }
        }
        UnitNormalizer.normalizeRows(rows);
        return rows;
    }

    private static float[][] streamedRows(Path file, int bufferBytes) throws IOException {
        try (NpyRowStream stream = NpyRowStream.open(file, bufferBytes)) {
            float[][] rows = new float[(int) stream.rowCount()][stream.dimension()];
            for (float[] row : rows) {
                stream.next(row);
            }
            assertEquals(stream.rowCount(), stream.position());
            assertThrows(NoSuchElementException.class, () -> stream.next(new float[stream.dimension()]));
            return rows;
        }
    }

    private static void assertFailure(Path file, String expectedFragment, ThrowingAction action) {
        DataFormatException e = assertThrows(DataFormatException.class, action::run);
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expectedFragment), e.getMessage());
    }

    /** An action that may throw a checked exception. */
    private interface ThrowingAction {
        void run() throws Exception;
    }

    private Path float32File() throws IOException {
        double[] values = gaussians(1, ROWS * DIMS);
        float[][] rows = new float[ROWS][DIMS];
        for (int i = 0; i < ROWS; i++) {
            for (int j = 0; j < DIMS; j++) {
                rows[i][j] = (float) values[i * DIMS + j];
            }
        }
        Path file = dir.resolve("f32.npy");
        NpyWriter.writeFloat32(file, rows);
        return file;
    }

    private Path float64File() throws IOException {
        return NpyBytes.write(dir.resolve("f64.npy"), dict("<f8", "(" + ROWS + ", " + DIMS + ")"),
                NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, gaussians(2, ROWS * DIMS)));
    }

    @Test
    void float32And64RowsEqualTheWholeFileReaderWithAnyBufferSize() throws IOException {
        for (Path file : new Path[] {float32File(), float64File()}) {
            float[][] expected = expectedRows(file);
            // One row per refill, a partial last buffer (23 = 4 * 5 + 3), a buffer smaller than a row, the default.
            for (int bufferBytes : new int[] {1, 5 * DIMS * 8, 7, NpyRowStream.DEFAULT_BUFFER_BYTES}) {
                float[][] streamed = streamedRows(file, bufferBytes);
                for (int i = 0; i < ROWS; i++) {
                    assertArrayEquals(expected[i], streamed[i], file + " row " + i + ", buffer " + bufferBytes);
                }
            }
        }
        assertTrue(Math.abs(expectedRows(float64File())[0][0]) > 0, "rows are not trivially zero");
    }

    @Test
    void rawRowsAreTheStoredValues() throws IOException {
        Path file = NpyBytes.write(dir.resolve("raw.npy"), dict("<f8", "(2, 2)"),
                NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 3, 4, 0.1, -2));
        try (NpyRowStream stream = NpyRowStream.open(file)) {
            float[] row = new float[2];
            stream.nextRaw(row);
            assertArrayEquals(new float[] {3, 4}, row);
            stream.next(row);
            assertArrayEquals(new float[] {(float) (0.1f / Math.hypot(0.1f, 2)), (float) (-2 / Math.hypot(0.1f, 2))},
                    row, 1e-7f);
        }
    }

    @Test
    void skipLandsOnTheRightRowInsideAndBeyondTheBuffer() throws IOException {
        Path file = float32File();
        float[][] expected = expectedRows(file);
        float[] row = new float[DIMS];
        // Buffer of 4 rows: skip inside the buffered rows, past them, by zero, and to the last row.
        try (NpyRowStream stream = NpyRowStream.open(file, 4 * DIMS * 4)) {
            stream.next(row);
            assertArrayEquals(expected[0], row);
            stream.skip(2);
            stream.next(row);
            assertArrayEquals(expected[3], row);
            stream.skip(9);
            assertEquals(13, stream.position());
            stream.next(row);
            assertArrayEquals(expected[13], row);
            stream.skip(0);
            stream.next(row);
            assertArrayEquals(expected[14], row);
            stream.skip(ROWS - 16);
            stream.next(row);
            assertArrayEquals(expected[ROWS - 1], row);
            assertThrows(IllegalArgumentException.class, () -> stream.skip(1));
        }
        try (NpyRowStream stream = NpyRowStream.open(file)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stream.skip(ROWS + 1));
            assertTrue(e.getMessage().contains("holds " + ROWS + " rows"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> stream.skip(-1));
            stream.skip(ROWS);
            assertThrows(NoSuchElementException.class, () -> stream.next(row));
        }
    }

    @Test
    void badShapesOrdersAndSizesAreRefusedNamingTheFile() throws IOException {
        Path truncated = NpyBytes.write(dir.resolve("truncated.npy"), dict("<f4", "(3, 2)"),
                NpyBytes.floats(1, 2, 3, 4, 5));
        assertFailure(truncated, "promises shape (3, 2) of f4 (24 bytes of data) but the file holds 20 bytes",
                () -> NpyRowStream.open(truncated));
        Path tooLong = NpyBytes.write(dir.resolve("long.npy"), dict("<f4", "(2, 2)"),
                NpyBytes.floats(1, 2, 3, 4, 5));
        assertFailure(tooLong, "promises shape (2, 2) of f4 (16 bytes of data) but the file holds 20 bytes",
                () -> NpyRowStream.open(tooLong));
        Path fortran = NpyBytes.write(dir.resolve("fortran.npy"),
                "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }", NpyBytes.floats(1, 2, 3, 4));
        assertFailure(fortran, "Fortran (column-major) order", () -> NpyRowStream.open(fortran));
        Path oneD = NpyBytes.write(dir.resolve("oned.npy"), dict("<f4", "(4,)"), NpyBytes.floats(1, 2, 3, 4));
        assertFailure(oneD, "shape (4,); expected a non-empty 2-D array", () -> NpyRowStream.open(oneD));
        Path threeD = NpyBytes.write(dir.resolve("threed.npy"), dict("<f4", "(1, 2, 2)"), NpyBytes.floats(1, 2, 3, 4));
        assertFailure(threeD, "shape (1, 2, 2); expected a non-empty 2-D array", () -> NpyRowStream.open(threeD));
        Path empty = NpyBytes.write(dir.resolve("empty.npy"), dict("<f4", "(0, 4)"), new byte[0]);
        assertFailure(empty, "non-empty 2-D", () -> NpyRowStream.open(empty));
        Path ints = NpyBytes.write(dir.resolve("ints.npy"), dict("<i4", "(1, 2)"), NpyBytes.ints(1, 2));
        assertFailure(ints, "expected float32 or float64", () -> NpyRowStream.open(ints));
        Path negative = NpyBytes.write(dir.resolve("negative.npy"), dict("<f4", "(-1, 2)"), new byte[0]);
        assertFailure(negative, "non-negative integers", () -> NpyRowStream.open(negative));
        Path huge = NpyBytes.write(dir.resolve("huge.npy"), dict("<f8", "(4611686018427387904, 4)"), new byte[0]);
        assertFailure(huge, "more than 2^63 bytes", () -> NpyRowStream.open(huge));
        Path text = Files.writeString(dir.resolve("text.npy"), "hello");
        assertFailure(text, "not a NumPy .npy file", () -> NpyRowStream.open(text));
        Path cutHeader = dir.resolve("cut-header.npy");
        Files.write(cutHeader, java.util.Arrays.copyOf(Files.readAllBytes(fortran), 40));
        assertFailure(cutHeader, "truncated .npy header", () -> NpyRowStream.open(cutHeader));
    }

    @Test
    void zeroAndNanRowsAreRefusedNamingTheFileAndRow() throws IOException {
        Path zero = dir.resolve("zero.npy");
        NpyWriter.writeFloat32(zero, new float[][] {{1, 0}, {0, 1}, {0, 0}, {1, 1}});
        Path nan = dir.resolve("nan.npy");
        NpyWriter.writeFloat32(nan, new float[][] {{1, 0}, {Float.NaN, 1}});
        float[] row = new float[2];
        try (NpyRowStream stream = NpyRowStream.open(zero)) {
            stream.next(row);
            stream.next(row);
            assertFailure(zero, "row 2 is a zero vector", () -> stream.next(row));
        }
        try (NpyRowStream stream = NpyRowStream.open(nan)) {
            stream.next(row);
            assertFailure(nan, "row 1, column 0 is NaN", () -> stream.next(row));
        }
        // A skipped bad row is not read, so not refused: resumed enrollments skip finished rows unread.
        try (NpyRowStream stream = NpyRowStream.open(zero)) {
            stream.skip(3);
            stream.next(row);
            assertArrayEquals(new float[] {(float) Math.sqrt(0.5), (float) Math.sqrt(0.5)}, row, 1e-7f);
        }
    }

    @Test
    void version2HeadersAreParsedByTheSharedHeaderCode() throws IOException {
        String header = dict("<f4", "(2, 2)");
        header += " ".repeat((64 - (12 + header.length() + 1) % 64) % 64) + "\n";
        byte[] text = header.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(12 + text.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(text.length).put(text)
                .put(NpyBytes.floats(3, 4, 0, 2));
        Path file = Files.write(dir.resolve("v2.npy"), b.array());
        assertEquals(2, NpyReader.read(file).shape()[0]);
        assertArrayEquals(expectedRows(file)[0], streamedRows(file, 64)[0]);
        assertArrayEquals(new float[] {0.6f, 0.8f}, streamedRows(file, 64)[0], 1e-7f);
    }

    @Test
    void rowOffsetsUseLongArithmetic() {
        // Row 10^8 of a 16-d float32 gallery starts 6.4 GB into the data, far beyond an int.
        assertEquals(6_400_000_128L, NpyRowStream.rowOffset(128, 100_000_000L, 64));
        assertEquals(128 + 64L * Integer.MAX_VALUE, NpyRowStream.rowOffset(128, Integer.MAX_VALUE, 64));
        assertThrows(ArithmeticException.class, () -> NpyRowStream.rowOffset(128, Long.MAX_VALUE / 8, 64));
    }

    @Test
    void sparseFileLargerThan2GbIsStreamedAndSkippedWithLongOffsets() throws IOException {
        long rows = 40_000_000L;
        int dims = 16;
        long dataBytes = rows * dims * 4;
        Assumptions.assumeTrue(Files.getFileStore(dir).getUsableSpace() > 2 * dataBytes,
                "skipped: less than " + 2 * dataBytes + " bytes free for a sparse test file");
        Path file = NpyBytes.write(dir.resolve("sparse.npy"), dict("<f4", "(" + rows + ", " + dims + ")"), new byte[0]);
        long dataOffset = Files.size(file);
        // Row 33,554,432 starts exactly 2^31 bytes into the data; the last row ends 2.56 GB in.
        long beyondInt = (1L << 31) / (dims * 4);
        float[] marker = new float[dims];
        marker[3] = 2;
        marker[7] = -2;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            try {
                raf.setLength(dataOffset + dataBytes);
            } catch (IOException e) {
                Assumptions.abort("skipped: the file system cannot make a " + dataBytes + "-byte sparse file: " + e);
            }
            for (long r : new long[] {beyondInt, rows - 1}) {
                raf.seek(dataOffset + r * dims * 4);
                raf.write(NpyBytes.floats(marker));
            }
        }
        float[] expected = marker.clone();
        UnitNormalizer.normalize(expected, 0);
        float[] row = new float[dims];
        try (NpyRowStream stream = NpyRowStream.open(file, 1 << 16)) {
            assertEquals(rows, stream.rowCount());
            stream.skip(beyondInt);
            stream.next(row);
            assertArrayEquals(expected, row);
            assertFailure(file, "row " + (beyondInt + 1) + " is a zero vector", () -> stream.next(row));
        }
        try (NpyRowStream stream = NpyRowStream.open(file)) {
            stream.skip(rows - 1);
            stream.next(row);
            assertArrayEquals(expected, row);
        }
        assertFailure(file, "larger than the 2 GB", () -> NpyReader.read(file));
        Files.delete(file);
    }
}
