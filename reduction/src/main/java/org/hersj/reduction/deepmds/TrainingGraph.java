package org.hersj.reduction.deepmds;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The SameDiff training graph of the first {@code stages} stages with the DeepMDS++ loss on a
 * {@link PairBatch}: s = <f(a), f(b)>, e = |target - s|; genuine = sum(e * genuine_weight),
 * impostor = sum(e * impostor_weight); covariance = mean |off-diagonal of cov([f(a); f(b)])| (unbiased);
 * weight_decay = sum(W^2)/2 over weight matrices; identification = mean over genuine pairs p of
 * logsumexp_q(scale <f(a_p), f(b_q)> + mask_pq) - scale <f(a_p), f(b_p)> (a deviation from the paper, see
 * {@link DeepMdsConfig#identificationWeight()}); loss = weighted sum. No gather: pairs are fed as two
 * aligned matrices. A second input {@code x} projects arbitrary rows (for hard mining). The graph may
 * hold a suffix of the chain only (earlier stages frozen): then its inputs are that prefix's outputs.
 */
final class TrainingGraph {

    static final String LOSS = "loss";
    private static final String GENUINE = "genuine";
    private static final String IMPOSTOR = "impostor";
    private static final String COVARIANCE = "covariance";
    private static final String WEIGHT_DECAY = "weight_decay";
    private static final String IDENTIFICATION = "identification";
    private static final String X = "x";
    private static final String X_OUT = "x_out";
    private static final List<String> TERMS = List.of(LOSS, GENUINE, IMPOSTOR, COVARIANCE, WEIGHT_DECAY,
            IDENTIFICATION);

    private final SameDiff sd;
    private final StageChainGraph chain;
    private final String projection;

    /**
     * @param config the loss weights, chain and residual layers
     * @param stages number of stages in the graph
     * @param params values of all parameters of those stages
     */
    TrainingGraph(DeepMdsConfig config, int stages, Map<String, INDArray> params) {
        this(config, 0, stages, params);
    }

    /**
     * A graph that trains stages {@code first .. stages-1} only: its inputs are the outputs of stage
     * {@code first - 1} (earlier stages are frozen and applied once, outside the graph).
     *
     * @param config the loss weights, chain and residual layers
     * @param first  0-based index of the first stage in the graph
     * @param stages one past the last stage in the graph
     * @param params values of all parameters of those stages
     */
    TrainingGraph(DeepMdsConfig config, int first, int stages, Map<String, INDArray> params) {
        sd = SameDiff.create();
        chain = new StageChainGraph(sd, config.stageWidths(), config.resLayers(), first, stages, params);
        long d0 = chain.inputWidth();
        SDVariable a = sd.placeHolder(PairBatch.A, DataType.FLOAT, -1, d0);
        SDVariable b = sd.placeHolder(PairBatch.B, DataType.FLOAT, -1, d0);
        SDVariable target = sd.placeHolder(PairBatch.TARGET, DataType.FLOAT, -1);
        SDVariable gw = sd.placeHolder(PairBatch.GENUINE_WEIGHT, DataType.FLOAT, -1);
        SDVariable iw = sd.placeHolder(PairBatch.IMPOSTOR_WEIGHT, DataType.FLOAT, -1);
        SDVariable covScale = sd.placeHolder(PairBatch.COVARIANCE_SCALE, DataType.FLOAT);
        SDVariable idWeight = sd.placeHolder(PairBatch.IDENTIFICATION_WEIGHT, DataType.FLOAT, -1);
        SDVariable idMask = sd.placeHolder(PairBatch.IDENTIFICATION_MASK, DataType.FLOAT, -1, -1);
        SDVariable x = sd.placeHolder(X, DataType.FLOAT, -1, d0);
        chain.apply(x, X_OUT);
        projection = X_OUT + (stages - 1);

        SDVariable fa = last(chain.apply(a, null));
        SDVariable fb = last(chain.apply(b, null));
        SDVariable similarity = sd.sum(fa.mul(fb), false, 1);
        SDVariable error = sd.math().abs(target.sub(similarity));
        SDVariable genuine = sd.sum(GENUINE, error.mul(gw));
        SDVariable impostor = sd.sum(IMPOSTOR, error.mul(iw));
        SDVariable covariance = covariancePenalty(sd.concat(0, fa, fb), covScale, chain.outputWidth());
        SDVariable decay = weightDecay();
        SDVariable identification = identificationTerm(fa, fb, similarity, idMask, idWeight,
                config.identificationScale());
        sd.math().add(LOSS,
                genuine.mul(config.genuineWeight()).add(impostor.mul(config.impostorWeight())),
                covariance.mul(config.covarianceWeight()).add(decay.mul(config.weightDecay()))
                        .add(identification.mul(config.identificationWeight())));
        sd.setLossVariables(LOSS);
        createGradientsQuietly();
    }

    /**
     * Builds the backward graph now. ND4J M2.1 prints one "Added differentiated op" line per op to
     * standard output while doing so; that output is discarded here so a CLI progress bar stays clean.
     */
    private void createGradientsQuietly() {
        PrintStream original = System.out;
        synchronized (TrainingGraph.class) {
            try {
                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                sd.createGradFunction();
            } finally {
                System.setOut(original);
            }
        }
    }

    private SDVariable covariancePenalty(SDVariable y, SDVariable scale, int width) {
        SDVariable centred = y.sub(sd.mean(y, true, 0));
        SDVariable cov = sd.mmul(centred, centred, true, false, false).mul(scale);
        INDArray offDiagonal = Nd4j.ones(DataType.FLOAT, width, width).subi(Nd4j.eye(width).castTo(DataType.FLOAT));
        SDVariable mask = sd.constant("off_diagonal", offDiagonal);
        return sd.sum(sd.math().abs(cov).mul(mask)).div(COVARIANCE, (double) width * (width - 1));
    }

    private SDVariable identificationTerm(SDVariable fa, SDVariable fb, SDVariable similarity, SDVariable mask,
                                          SDVariable weight, double scale) {
        // log-sum-exp shifted by the largest possible logit (unit outputs: scale): ND4J M2.1's logSumExp op has
        // no working gradient, and the shift keeps exp in float range for every scale <= 50
        SDVariable shifted = sd.mmul(fa, fb, false, true, false).sub(1.0).mul(scale).add(mask);
        SDVariable crossEntropy = sd.math().log(sd.sum(sd.math().exp(shifted), false, 1))
                .sub(similarity.sub(1.0).mul(scale));
        return sd.sum(IDENTIFICATION, crossEntropy.mul(weight));
    }

    private SDVariable weightDecay() {
        SDVariable total = null;
        for (String w : StageParameters.weights(chain.variables().keySet())) {
            SDVariable v = chain.variables().get(w);
            SDVariable sq = sd.sum(v.mul(v));
            total = total == null ? sq : total.add(sq);
        }
        return total.mul(WEIGHT_DECAY, 0.5);
    }

    private static SDVariable last(List<SDVariable> outputs) {
        return outputs.get(outputs.size() - 1);
    }

    /**
     * Computes loss and gradients on one batch and lets the optimiser update the parameters in place.
     *
     * @param batch        the pairs
     * @param optimiser    updates the trained parameters
     * @param learningRate the base learning rate of this step
     * @return the loss terms before the update
     */
    LossTerms step(PairBatch batch, AdamOptimizer optimiser, double learningRate) {
        OutAndGrad result = sd.calculateGradientsAndOutputs(batch.placeholders(), TERMS,
                new ArrayList<>(optimiser.trained()));
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        chain.variables().forEach((n, v) -> arrays.put(n, v.getArr()));
        optimiser.update(arrays, result.getGradients(), learningRate);
        return terms(result.getOutputs());
    }

    /**
     * @param batch the pairs
     * @return the gradient of the total loss for every parameter (no update)
     */
    Map<String, INDArray> gradients(PairBatch batch) {
        return sd.calculateGradients(batch.placeholders(), chain.variables().keySet());
    }

    /**
     * @param batch the pairs
     * @return the loss terms of the batch under the current parameters (no update)
     */
    LossTerms evaluate(PairBatch batch) {
        return terms(sd.output(batch.placeholders(), TERMS));
    }

    /**
     * @param rows unit rows [n, input width of this graph]
     * @return the last stage's normalised outputs [n, d_out]
     */
    INDArray project(INDArray rows) {
        return sd.output(Map.of(X, rows), projection).get(projection);
    }

    /** @return copies of the current parameter values, by name. */
    Map<String, INDArray> parameterValues() {
        Map<String, INDArray> values = new LinkedHashMap<>();
        chain.variables().forEach((n, v) -> values.put(n, v.getArr().dup()));
        return values;
    }

    /** @param values new values for (some) parameters, copied into the graph */
    void setParameterValues(Map<String, INDArray> values) {
        values.forEach((n, v) -> chain.variables().get(n).getArr().assign(v));
    }

    private static LossTerms terms(Map<String, INDArray> out) {
        return new LossTerms(out.get(LOSS).getDouble(0), out.get(GENUINE).getDouble(0),
                out.get(IMPOSTOR).getDouble(0), out.get(COVARIANCE).getDouble(0), out.get(WEIGHT_DECAY).getDouble(0),
                out.get(IDENTIFICATION).getDouble(0));
    }
}
