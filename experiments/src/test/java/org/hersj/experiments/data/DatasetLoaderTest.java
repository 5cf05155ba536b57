package org.hersj.experiments.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    private Path labels(int... values) throws IOException {
        Path file = dir.resolve("labels.npy");
        NpyWriter.writeInt64(file, values);
        return file;
    }

    private static void assertFailure(Path file, String expectedFragment, Runnable action) {
        DataFormatException e = assertThrows(DataFormatException.class, action::run);
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
        assertTrue(e.getMessage().contains(expectedFragment), e.getMessage());
    }

    @Test
    void float32NpyRoundTripsAndIsNormalised() throws IOException {
        Path features = dir.resolve("f.npy");
        NpyWriter.writeFloat32(features, new float[][] {{3, 4}, {0, -2}, {1, 1}});
        Dataset d = DatasetLoader.load("t", features, labels(0, 0, -1));
        assertArrayEquals(new float[] {0.6f, 0.8f}, d.vectors()[0], 1e-6f);
        assertArrayEquals(new float[] {0, -1}, d.vectors()[1], 1e-6f);
        assertArrayEquals(new int[] {0, 0, -1}, d.labels());
    }

    @Test
    void float64NpyAndInt32LabelsAndTextLabelsAreAccepted() throws IOException {
        Path features = NpyBytes.write(dir.resolve("f64.npy"),
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }",
                NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 0, 0, 2, 1, 2, 2));
        Path ints = NpyBytes.write(dir.resolve("l32.npy"), "{'descr': '<i4', 'fortran_order': False, 'shape': (2,), }",
                NpyBytes.ints(7, 9));
        Dataset d = DatasetLoader.load("t", features, ints);
        assertArrayEquals(new float[] {0, 0, 1}, d.vectors()[0], 1e-6f);
        assertArrayEquals(new float[] {1 / 3f, 2 / 3f, 2 / 3f}, d.vectors()[1], 1e-6f);
        assertArrayEquals(new int[] {7, 9}, d.labels());
        Path text = Files.writeString(dir.resolve("labels.txt"), "7\n-1\n\n");
        assertArrayEquals(new int[] {7, -1}, DatasetLoader.load("t", features, text).labels());
    }

    @Test
    void fortranOrderIsRefused() throws IOException {
        Path f = NpyBytes.write(dir.resolve("fortran.npy"), "{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }",
                NpyBytes.doubles(ByteOrder.LITTLE_ENDIAN, 1, 2, 3, 4));
        assertFailure(f, "Fortran", () -> DatasetLoader.readFeatures(f));
    }

    @Test
    void bigEndianIsRefused() throws IOException {
        Path f = NpyBytes.write(dir.resolve("big.npy"), "{'descr': '>f8', 'fortran_order': False, 'shape': (2, 2), }",
                NpyBytes.doubles(ByteOrder.BIG_ENDIAN, 1, 2, 3, 4));
        assertFailure(f, "big-endian", () -> DatasetLoader.readFeatures(f));
    }

    @Test
    void truncatedAndWrongTypeAndWrongShapeAreRefused() throws IOException {
        Path truncated = NpyBytes.write(dir.resolve("short.npy"),
                "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 2), }", NpyBytes.floats(1, 2, 3));
        assertFailure(truncated, "bytes", () -> DatasetLoader.readFeatures(truncated));
        Path ints = NpyBytes.write(dir.resolve("ints.npy"), "{'descr': '<i4', 'fortran_order': False, 'shape': (1, 2), }",
                NpyBytes.ints(1, 2));
        assertFailure(ints, "expected float32 or float64", () -> DatasetLoader.readFeatures(ints));
        Path oneD = NpyBytes.write(dir.resolve("oned.npy"), "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
                NpyBytes.floats(1, 2));
        assertFailure(oneD, "2-D", () -> DatasetLoader.readFeatures(oneD));
        Path notNpy = Files.writeString(dir.resolve("text.npy"), "hello");
        assertFailure(notNpy, "not a NumPy", () -> DatasetLoader.readFeatures(notNpy));
        Path floatLabels = NpyBytes.write(dir.resolve("fl.npy"), "{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }",
                NpyBytes.floats(1, 2));
        assertFailure(floatLabels, "integer labels", () -> LabelReader.read(floatLabels));
    }

    @Test
    void nanAndInfinityAreRefusedNamingTheRow() throws IOException {
        Path nan = dir.resolve("nan.npy");
        NpyWriter.writeFloat32(nan, new float[][] {{1, 0}, {0, 1}, {Float.NaN, 1}});
        Path three = labels(0, 0, 1);
        assertFailure(nan, "row 2", () -> DatasetLoader.load("t", nan, three));
        Path inf = dir.resolve("inf.npy");
        NpyWriter.writeFloat32(inf, new float[][] {{1, Float.POSITIVE_INFINITY}});
        Path one = labels(0);
        assertFailure(inf, "row 0, column 1 is Infinity", () -> DatasetLoader.load("t", inf, one));
    }

    @Test
    void zeroVectorIsRefused() throws IOException {
        Path f = dir.resolve("zero.npy");
        NpyWriter.writeFloat32(f, new float[][] {{1, 0}, {0, 0}});
        Path two = labels(0, 1);
        assertFailure(f, "row 1 is a zero vector", () -> DatasetLoader.load("t", f, two));
    }

    @Test
    void labelCountMismatchIsRefused() throws IOException {
        Path f = dir.resolve("f.npy");
        NpyWriter.writeFloat32(f, new float[][] {{1, 0}, {0, 1}});
        Path l = labels(0, 1, 2);
        assertFailure(l, "3 labels but f.npy holds 2 vectors", () -> DatasetLoader.load("t", f, l));
        Path bad = Files.writeString(dir.resolve("bad.txt"), "1\nx\n");
        assertFailure(bad, "line 2", () -> LabelReader.read(bad));
    }

    @Test
    void fvecsIsReadAndRaggedRecordsAreRefused() throws IOException {
        Path good = dir.resolve("good.fvecs");
        Files.write(good, concat(NpyBytes.ints(2), NpyBytes.floats(3, 4), NpyBytes.ints(2), NpyBytes.floats(0, 1)));
        float[][] rows = FvecsReader.read(good);
        assertEquals(2, rows.length);
        assertArrayEquals(new float[] {3, 4}, rows[0]);
        Path ragged = dir.resolve("ragged.fvecs");
        Files.write(ragged, concat(NpyBytes.ints(2), NpyBytes.floats(3, 4), NpyBytes.ints(3), NpyBytes.floats(0, 1, 2)));
        assertFailure(ragged, "record 1 has dimension 3", () -> DatasetLoader.readFeatures(ragged));
        Path cut = dir.resolve("cut.fvecs");
        Files.write(cut, concat(NpyBytes.ints(2), NpyBytes.floats(3)));
        assertFailure(cut, "truncated", () -> DatasetLoader.readFeatures(cut));
    }

    @Test
    void csvIsReadWithOptionalHeaderAndBadLinesAreRefused() throws IOException {
        Path good = Files.writeString(dir.resolve("good.csv"), "a,b\n3,4\n\n0,1\n");
        float[][] rows = DatasetLoader.readFeatures(good);
        assertEquals(2, rows.length);
        assertArrayEquals(new float[] {0, 1}, rows[1]);
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "1,2\n1,2,3\n");
        assertFailure(ragged, "line 2 has 3 values", () -> DatasetLoader.readFeatures(ragged));
        Path word = Files.writeString(dir.resolve("word.csv"), "1,2\n1,zz\n");
        assertFailure(word, "line 2, column 2", () -> DatasetLoader.readFeatures(word));
        Path unknown = Files.writeString(dir.resolve("x.bin"), "");
        assertFailure(unknown, ".npy, .fvecs or .csv", () -> DatasetLoader.readFeatures(unknown));
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
