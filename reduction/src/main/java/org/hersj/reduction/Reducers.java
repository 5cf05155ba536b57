package org.hersj.reduction;

import java.nio.file.Path;
import org.hersj.reduction.core.IdentityReducer;
import org.hersj.reduction.core.Reducer;
import org.hersj.reduction.deepmds.DeepMdsConfig;
import org.hersj.reduction.deepmds.DeepMdsModel;
import org.hersj.reduction.deepmds.DeepMdsTrainer;
import org.hersj.reduction.deepmds.StageCheckpoint;
import org.hersj.reduction.deepmds.TrainingListener;
import org.hersj.reduction.io.ModelFile;
import org.hersj.reduction.pca.PcaReducer;

/**
 * The one entry point for building reducers: identity, PCA, DeepMDS / DeepMDS++ training, and loading
 * model files. Everything it takes and returns is a plain Java type or a type of this module.
 */
public final class Reducers {

    private Reducers() {
    }

    /**
     * @param dimension the width of the vectors
     * @return the no-reduction baseline (normalises only)
     */
    public static Reducer identity(int dimension) {
        return new IdentityReducer(dimension);
    }

    /**
     * @param train  training rows (normalised first)
     * @param outDim principal axes kept
     * @return PCA fitted on {@code train}
     */
    public static PcaReducer pca(float[][] train, int outDim) {
        return PcaReducer.fit(train, outDim);
    }

    /**
     * Trains DeepMDS++ (or plain DeepMDS, see {@link DeepMdsConfig#asPlainDeepMds()}) without curves or
     * checkpoints.
     *
     * @param config   what to train ({@code seed} is replaced by the argument)
     * @param train    training rows of the chain's input width
     * @param labels   identity of every row
     * @param seed     seed of sampling and initialisation
     * @param progress progress receiver
     * @return the trained chain; use {@link DeepMdsModel#reducerForDimension(int)} for earlier widths
     */
    public static DeepMdsModel deepMds(DeepMdsConfig config, float[][] train, int[] labels, long seed,
                                       TrainingListener progress) {
        return deepMds(config, train, labels, seed, progress, null);
    }

    /**
     * Trains DeepMDS++ / DeepMDS and, when {@code runDirectory} is given, writes the per-stage loss curves
     * ({@code loss-stage<k>-<width>d.csv}) and a checkpoint model file after every stage
     * ({@code checkpoint-stage<k>-<width>d.hersred} with its provenance JSON) there.
     *
     * @param config       what to train ({@code seed} is replaced by the argument)
     * @param train        training rows of the chain's input width
     * @param labels       identity of every row
     * @param seed         seed of sampling and initialisation
     * @param progress     progress receiver
     * @param runDirectory where curves and checkpoints go, or null for none
     * @return the trained chain
     */
    public static DeepMdsModel deepMds(DeepMdsConfig config, float[][] train, int[] labels, long seed,
                                       TrainingListener progress, Path runDirectory) {
        StageCheckpoint checkpoint = runDirectory == null ? StageCheckpoint.NONE
                : model -> ModelFile.save(model, runDirectory.resolve("checkpoint-stage" + model.trainedStages()
                        + "-" + model.outputDimension() + "d" + ModelFile.EXTENSION));
        return new DeepMdsTrainer(config.withSeed(seed), progress, runDirectory, checkpoint).train(train, labels);
    }

    /**
     * @param reducer a PCA or DeepMDS reducer
     * @param file    where to save it (atomically; DeepMDS also writes {@code <file>.provenance.json})
     */
    public static void save(Reducer reducer, Path file) {
        ModelFile.save(reducer, file);
    }

    /**
     * @param file a model file written by {@link #save}
     * @return the PCA reducer or DeepMDS model it holds
     * @throws IllegalArgumentException naming the file when it is missing, truncated or corrupted
     */
    public static Reducer load(Path file) {
        return ModelFile.load(file);
    }
}
