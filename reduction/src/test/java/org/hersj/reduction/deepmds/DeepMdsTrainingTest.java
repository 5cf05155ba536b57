package org.hersj.reduction.deepmds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hersj.reduction.ClusteredSphereData;
import org.hersj.reduction.RandomProjection;
import org.hersj.reduction.Reducers;
import org.hersj.reduction.core.CosinePreservation;
import org.hersj.reduction.core.Reducer;
import org.hersj.reduction.core.UnitVectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trains one small DeepMDS++ chain 64 -> 32 -> 16 on clustered sphere data (identities 0..199 for training,
 * 200..229 held out) and checks what it learned, its curves and its model file.
 */
class DeepMdsTrainingTest {

    private static final List<Integer> CHAIN = List.of(64, 32, 16);

    @TempDir
    static Path runDir;

    private static float[][] trainRows;
    private static int[] trainLabels;
    private static float[][] testRows;
    private static DeepMdsModel model;
    private static final List<TrainingStep> STEPS = new ArrayList<>();
    private static final List<StageLoss> VALIDATION = new ArrayList<>();

    private record StageLoss(int stage, double loss) {
    }

    static DeepMdsConfig smallConfig() {
        return DeepMdsConfigBuilder.paper(CHAIN).scaledSchedule(6, 50, 64, 256).learningRate(3e-3)
                .validationFraction(0.1).earlyStopPatience(3).build();
    }

    @BeforeAll
    static void train() {
        ClusteredSphereData data = ClusteredSphereData.generate(64, 20, 230, 4, 0.7, 11);
        int split = 200 * 4;
        trainRows = Arrays.copyOfRange(data.rows, 0, split);
        trainLabels = Arrays.copyOfRange(data.labels, 0, split);
        testRows = Arrays.copyOfRange(data.rows, split, data.rows.length);
        model = Reducers.deepMds(smallConfig(), trainRows, trainLabels, 7, new TrainingListener() {
            @Override
            public void onStep(TrainingStep step) {
                STEPS.add(step);
            }

            @Override
            public void onEpochEnd(TrainingStep lastStep, double validationLoss) {
                VALIDATION.add(new StageLoss(lastStep.stage(), validationLoss));
            }
        }, runDir);
    }

    @Test
    void trainingAndValidationLossesGoDownInEveryStage() {
        for (int stage = 0; stage < 2; stage++) {
            int s = stage;
            // epoch 0 keeps the mining level fixed, so its losses are comparable
            double[] totals = STEPS.stream().filter(t -> t.stage() == s && t.epoch() == 0)
                    .mapToDouble(t -> t.loss().total()).toArray();
            double first = Arrays.stream(totals, 0, 10).average().orElseThrow();
            double last = Arrays.stream(totals, totals.length - 10, totals.length).average().orElseThrow();
            assertTrue(last < 0.8 * first, "stage " + s + ": first 10 steps " + first + ", last 10 " + last);
            double[] validation = VALIDATION.stream().filter(v -> v.stage() == s).mapToDouble(v -> v.loss()).toArray();
            double bestLater = Arrays.stream(validation, 1, validation.length).min().orElseThrow();
            assertTrue(bestLater < validation[0], "stage " + s + " validation " + Arrays.toString(validation));
        }
    }

    @Test
    void learnedMapPreservesCosinesBetterThanRandomProjectionOnHeldOutIdentities() {
        float[][] unit = UnitVectors.normalisedCopy(testRows, 64, "test");
        double learned = CosinePreservation.meanAbsoluteError(unit, model.reduce(unit));
        double random = 0;
        for (int seed = 0; seed < 3; seed++) {
            random += CosinePreservation.meanAbsoluteError(unit, RandomProjection.project(unit, 16, seed)) / 3;
        }
        assertTrue(learned < 0.8 * random, "learned 16-d error " + learned + " vs random projection " + random);
    }

    @Test
    void everyStageWidthOfTheChainIsAvailable() {
        assertEquals(List.of(32, 16), model.availableDimensions());
        assertEquals("deepmds++", model.method());
        Reducer to32 = model.reducerForDimension(32);
        float[][] y = to32.reduce(testRows);
        assertEquals(32, y[0].length);
        assertEquals(1.0, UnitVectors.dot(y[3], y[3]), 1e-5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.reducerForDimension(8));
        assertTrue(e.getMessage().contains("[32, 16]"), e.getMessage());
    }

    @Test
    void streamingGivesTheSameRowsAsOneCall() {
        float[][] whole = model.reduce(testRows);
        List<float[]> streamed = new ArrayList<>();
        long n = model.reduce(Arrays.asList(testRows).iterator(), 7, chunk -> streamed.addAll(Arrays.asList(chunk)));
        assertEquals(testRows.length, n);
        for (int i = 0; i < whole.length; i++) {
            assertArrayEquals(whole[i], streamed.get(i), 1e-6f);
        }
    }

    @Test
    void lossCurvesAndCheckpointsAreWritten() throws IOException {
        List<String> curve = Files.readAllLines(runDir.resolve("loss-stage2-16d.csv"));
        assertEquals("step,total,genuine,impostor,covariance,weight_decay,identification,validation", curve.get(0));
        long stage2Steps = STEPS.stream().filter(t -> t.stage() == 1).count();
        assertEquals(stage2Steps + 1, curve.size());
        assertTrue(curve.stream().skip(1).filter(l -> !l.endsWith(",")).count() >= 1, "validation column filled");
        Reducer checkpoint = Reducers.load(runDir.resolve("checkpoint-stage1-32d.hersred"));
        assertEquals(32, checkpoint.outputDimension());
        // the final model's 32-d output is the stage-1 checkpoint, not the fine-tuned prefix of stage 2
        assertArrayEquals(checkpoint.reduce(testRows)[4], model.reducerForDimension(32).reduce(testRows)[4], 0f);
        String provenance = Files.readString(runDir.resolve("checkpoint-stage2-16d.hersred.provenance.json"));
        assertTrue(provenance.contains("\"trainingDataSha256\" : \"" + model.provenance().trainingDataSha256()));
        assertTrue(provenance.contains("\"seed\" : 7"), provenance);
    }

    @Test
    void saveThenLoadGivesIdenticalOutputs(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.hersred");
        Reducers.save(model, file);
        DeepMdsModel loaded = (DeepMdsModel) Reducers.load(file);
        assertEquals(model.provenance(), loaded.provenance());
        float[][] a = model.reduce(testRows);
        float[][] b = loaded.reduce(testRows);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i], 0f);
        }
        assertArrayEquals(model.reducerForDimension(32).reduce(testRows)[5],
                loaded.reducerForDimension(32).reduce(testRows)[5], 0f);
    }

    @Test
    void truncatedOrTamperedModelFilesAreRefusedWithTheFileName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.hersred");
        Reducers.save(model, file);
        byte[] bytes = Files.readAllBytes(file);

        Path truncated = dir.resolve("truncated.hersred");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 100));
        IllegalArgumentException e1 = assertThrows(IllegalArgumentException.class, () -> Reducers.load(truncated));
        assertTrue(e1.getMessage().contains("truncated.hersred") && e1.getMessage().contains("truncated"),
                e1.getMessage());

        Path tampered = dir.resolve("tampered.hersred");
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(tampered, bytes);
        IllegalArgumentException e2 = assertThrows(IllegalArgumentException.class, () -> Reducers.load(tampered));
        assertTrue(e2.getMessage().contains("checksum"), e2.getMessage());

        Path other = dir.resolve("other.hersred");
        Files.writeString(other, "not a model at all");
        IllegalArgumentException e3 = assertThrows(IllegalArgumentException.class, () -> Reducers.load(other));
        assertTrue(e3.getMessage().contains("not a HERS-J reduction model"), e3.getMessage());
    }
}
