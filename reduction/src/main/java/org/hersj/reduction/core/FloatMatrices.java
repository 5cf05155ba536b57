package org.hersj.reduction.core;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Converts between plain {@code float[][]} rows and ND4J matrices at the module boundary. */
public final class FloatMatrices {

    private FloatMatrices() {
    }

    /**
     * @param rows   rows of equal width {@code width}
     * @param width  the row width (needed when {@code rows} is empty)
     * @return a new C-order float32 matrix [rows.length, width]
     */
    public static INDArray toMatrix(float[][] rows, int width) {
        float[] flat = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * width, width);
        }
        return Nd4j.create(flat, new long[] {rows.length, width}, 'c');
    }

    /**
     * @param matrix a rank-2 array
     * @return its rows as float arrays
     */
    public static float[][] toRows(INDArray matrix) {
        INDArray m = matrix.dataType() == DataType.FLOAT ? matrix : matrix.castTo(DataType.FLOAT);
        int n = (int) m.rows();
        int d = (int) m.columns();
        float[] flat = m.dup('c').data().asFloat();
        float[][] rows = new float[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, rows[i], 0, d);
        }
        return rows;
    }
}
