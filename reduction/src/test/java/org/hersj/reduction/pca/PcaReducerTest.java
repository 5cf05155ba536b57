package org.hersj.reduction.pca;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.hersj.reduction.ClusteredSphereData;
import org.hersj.reduction.RandomProjection;
import org.hersj.reduction.Reducers;
import org.hersj.reduction.core.CosinePreservation;
import org.hersj.reduction.core.UnitVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PCA finds the leading axes, preserves cosines of low-rank data and survives save/load. */
class PcaReducerTest {

    @Test
    void findsTheDominantAxisOfAnisotropicData() {
        SplittableRandom r = new SplittableRandom(1);
        float[][] rows = new float[400][5];
        for (float[] row : rows) {
            row[0] = 1;
            row[1] = (float) (3 * (r.nextDouble() - 0.5)); // largest spread
            row[2] = (float) (1 * (r.nextDouble() - 0.5));
            row[3] = (float) (0.1 * (r.nextDouble() - 0.5));
            row[4] = (float) (0.05 * (r.nextDouble() - 0.5));
        }
        PcaReducer pca = PcaReducer.fit(rows, 2);
        float[][] c = pca.components();
        assertTrue(Math.abs(c[1][0]) > 0.9, "first axis should be dimension 1, got column " + column(c, 0));
        assertTrue(Math.abs(c[2][1]) > 0.8, "second axis should be dimension 2, got column " + column(c, 1));
        double dot = 0;
        double norm = 0;
        for (float[] row : c) {
            dot += row[0] * row[1];
            norm += row[0] * row[0];
        }
        assertEquals(0, dot, 1e-5);
        assertEquals(1, norm, 1e-5);
    }

    @Test
    void preservesCosinesOfLowRankDataBetterThanRandomProjection() {
        ClusteredSphereData d = ClusteredSphereData.generate(64, 10, 60, 5, 0.1, 4);
        float[][] unit = UnitVectors.normalisedCopy(d.rows, 64, "test");
        double pca = CosinePreservation.meanAbsoluteError(unit, Reducers.pca(d.rows, 16).reduce(unit));
        double random = CosinePreservation.meanAbsoluteError(unit, RandomProjection.project(unit, 16, 1));
        assertTrue(pca < 0.5 * random, "pca " + pca + " random " + random);
    }

    @Test
    void saveLoadGivesIdenticalOutputs(@TempDir Path dir) {
        ClusteredSphereData d = ClusteredSphereData.generate(32, 8, 20, 4, 0.3, 5);
        PcaReducer pca = Reducers.pca(d.rows, 8);
        Path file = dir.resolve("pca.hersred");
        Reducers.save(pca, file);
        var loaded = Reducers.load(file);
        assertEquals("pca", loaded.method());
        float[][] a = pca.reduce(d.rows);
        float[][] b = loaded.reduce(d.rows);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0f);
        }
    }

    @Test
    void rejectsAnImpossibleDimension() {
        float[][] rows = {{1, 0}, {0, 1}, {1, 1}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PcaReducer.fit(rows, 3));
        assertTrue(e.getMessage().contains("[1, 2]"), e.getMessage());
    }

    private static String column(float[][] c, int k) {
        StringBuilder s = new StringBuilder();
        for (float[] row : c) {
            s.append(row[k]).append(' ');
        }
        return s.toString();
    }
}
