package org.hersj.reduction.pca;

import java.util.Arrays;
import org.hersj.reduction.core.ChunkedReducer;
import org.hersj.reduction.core.FloatMatrices;
import org.hersj.reduction.core.UnitVectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The PCA baseline: centre the (normalised) input on the training mean and project it on the
 * {@code outDim} leading eigenvectors of the training covariance, computed by ND4J's symmetric
 * eigen-decomposition (LAPACK {@code syev}) in double precision.
 */
public final class PcaReducer extends ChunkedReducer {

    private final float[] mean;
    private final INDArray meanRow;
    private final INDArray components;

    /**
     * Builds a PCA reducer from stored parameters (used by model loading).
     *
     * @param mean       the training mean, length = input dimension
     * @param components [inputDim][outDim] projection matrix, one column per principal axis
     */
    public PcaReducer(float[] mean, float[][] components) {
        super(mean.length, components.length == 0 ? 0 : components[0].length);
        if (components.length != mean.length) {
            throw new IllegalArgumentException("PCA components have " + components.length
                    + " rows, expected the input dimension " + mean.length);
        }
        this.mean = Arrays.copyOf(mean, mean.length);
        this.meanRow = Nd4j.create(this.mean, new long[] {1, mean.length}, 'c');
        this.components = FloatMatrices.toMatrix(components, outputDimension());
    }

    /**
     * Fits PCA on training rows.
     *
     * @param train  training rows (normalised here)
     * @param outDim number of principal axes kept, 1..input dimension
     * @return the fitted reducer
     */
    public static PcaReducer fit(float[][] train, int outDim) {
        return fit(train, outDim, true);
    }

    /**
     * Fits PCA, or (without centring) the leading axes of the second-moment matrix {@code X^T X}: those
     * keep the rows' dot products best (Eckart-Young), which is what a later stage of a chain whose outputs
     * are compared by cosine needs.
     *
     * @param train  training rows (normalised here)
     * @param outDim number of axes kept, 1..input dimension
     * @param centre whether to centre on the training mean (PCA) or not (mean taken as zero)
     * @return the fitted reducer
     */
    public static PcaReducer fit(float[][] train, int outDim, boolean centre) {
        if (train.length < 2) {
            throw new IllegalArgumentException("PCA needs at least 2 training rows, got " + train.length);
        }
        int d = train[0].length;
        if (outDim < 1 || outDim > d) {
            throw new IllegalArgumentException("PCA output dimension " + outDim + " must be in [1, " + d + "]");
        }
        INDArray x = FloatMatrices.toMatrix(UnitVectors.normalisedCopy(train, d, "PCA training data"), d)
                .castTo(DataType.DOUBLE);
        INDArray mu = centre ? x.mean(true, 0) : Nd4j.zeros(DataType.DOUBLE, 1, d);
        INDArray centred = x.subRowVector(mu);
        INDArray covariance = centred.transpose().mmul(centred).divi(train.length - 1);
        // syev overwrites the matrix with its eigenvectors (columns), eigenvalues ascending.
        Eigen.symmetricGeneralizedEigenvalues(covariance, true);
        float[][] comps = new float[d][outDim];
        for (int k = 0; k < outDim; k++) {
            int col = d - 1 - k;
            for (int i = 0; i < d; i++) {
                comps[i][k] = (float) covariance.getDouble(i, col);
            }
        }
        return new PcaReducer(mu.castTo(DataType.FLOAT).data().asFloat(), comps);
    }

    @Override
    public String method() {
        return "pca";
    }

    /** @return a copy of the training mean. */
    public float[] mean() {
        return Arrays.copyOf(mean, mean.length);
    }

    /** @return a copy of the projection matrix, [inputDim][outDim]. */
    public float[][] components() {
        return FloatMatrices.toRows(components);
    }

    @Override
    protected synchronized float[][] reduceChunk(float[][] normalisedRows) {
        INDArray x = FloatMatrices.toMatrix(normalisedRows, inputDimension());
        return FloatMatrices.toRows(x.subiRowVector(meanRow).mmul(components));
    }
}
