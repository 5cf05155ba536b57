package org.hersj.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline keys (reduction training, per-entry search, fhe, repeats, trainIdentities): values and errors. */
class PipelineConfigErrorsTest {

    private static final String HEAD = """
            name: demo
            seed: 7
            dataset:
              synthetic: {kind: deepprint-like, identities: 10, samplesPerIdentity: 3}
            """;

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("exp.yaml"), HEAD + yaml);
    }

    private void failsAt(String yaml, String key, String expected) throws IOException {
        ConfigAssertions.failsAt(write(yaml), key, expected);
    }

    @Test
    void pipelineKeysBindWithDefaults() throws IOException {
        ExperimentConfig c = ConfigLoader.load(write("""
                reduction:
                  - {method: identity, search: [plaintext]}
                  - {method: deepmds++, dimensions: [64, 32], label: dmpp-nocov, training: {epochs: 2, covarianceWeight: 0}}
                search: [plaintext, encrypted]
                fhe: {preset: SEARCH_N4096}
                repeats: 2
                report: {latex: true}
                """));
        assertEquals("dmpp-nocov", c.reduction().get(1).label());
        assertEquals(2, c.reduction().get(1).training().epochs());
        assertEquals(0.0, c.reduction().get(1).training().covarianceWeight());
        TrainingConfig t = c.reduction().get(1).training();
        assertEquals(25, t.stepsPerEpoch());
        assertEquals(250, t.pairsPerKind());
        assertEquals("pca", t.init());
        assertEquals("late-decay", t.schedule());
        assertEquals(0.2, t.validationFraction());
        assertEquals(3, t.earlyStopPatience());
        assertEquals(java.util.List.of("plaintext"), c.reduction().get(0).searchModes(c.search()));
        assertEquals(java.util.List.of("plaintext", "encrypted"), c.reduction().get(1).searchModes(c.search()));
        assertEquals("java", c.fhe().backend());
        assertEquals(org.hersj.fhe.search.layout.LayoutKind.HERS_COMPLEX, c.fhe().layoutKind());
        assertEquals(2, c.repeats());
        assertEquals(0.5, c.protocol().trainIdentities());
        assertTrue(c.report().latex());
    }

    @Test
    void badTrainingValueNamesItsKey() throws IOException {
        failsAt("reduction: [{method: deepmds++, dimensions: [32], training: {epochs: 0}}]\n",
                "reduction[0].training.epochs", "expected an integer >= 1");
        failsAt("reduction: [{method: identity}, {method: deepmds, dimensions: [32], training: {stepsPerEpoch: -1}}]\n",
                "reduction[1].training.stepsPerEpoch", ">= 1");
    }

    @Test
    void fheLayoutIsCheckedAgainstTheEngine() throws IOException {
        failsAt("fhe: {layout: simd}\n", "fhe.layout", "expected one of [hers-complex, hers]");
        // clear-test: the search test-jar's second engine (one item per slot), found by ServiceLoader like openfhe
        failsAt("fhe: {backend: clear-test, layout: hers-complex}\n", "fhe.layout", "use layout: hers");
        assertEquals("hers", ConfigLoader.load(write("fhe: {backend: Clear-Test}\n")).fhe().layout());
        failsAt("fhe: {backend: seal}\n", "fhe.backend", "unknown engine 'seal'; expected one of [java, clear-test, openfhe]");
        if (!org.hersj.fhe.search.engine.SearchEngines.isPresent("openfhe")) {
            failsAt("fhe: {backend: openfhe}\n", "fhe.backend", "-Dopenfhe.home=");
        }
        assertEquals(org.hersj.fhe.search.layout.LayoutKind.HERS_SIMD,
                ConfigLoader.load(write("fhe: {layout: hers}\n")).fhe().layoutKind());
    }

    @Test
    void badInitScheduleAndEarlyStoppingAreNamed() throws IOException {
        failsAt("reduction: [{method: deepmds++, dimensions: [32], training: {init: he}}]\n",
                "reduction[0].training.init", "is 'he'; expected one of pca, xavier");
        failsAt("reduction: [{method: deepmds++, dimensions: [32], training: {chain: short}}]\n",
                "reduction[0].training.chain", "is 'short'; expected one of paper, direct");
        failsAt("reduction: [{method: deepmds++, dimensions: [32], training: {schedule: cosine}}]\n",
                "reduction[0].training.schedule", "expected one of late-decay, paper");
        failsAt("reduction: [{method: deepmds++, dimensions: [32], training: {validationFraction: 0,"
                + " earlyStopPatience: 2}}]\n", "reduction[0].training.earlyStopPatience", "needs a validation split");
        assertEquals("xavier", ConfigLoader.load(write("reduction: [{method: deepmds, dimensions: [32],"
                + " training: {init: xavier}}]\n")).reduction().get(0).training().init());
    }

    @Test
    void badIdentificationTermValuesAreNamed() throws IOException {
        failsAt("reduction: [{method: deepmds++, dimensions: [32], training: {identificationWeight: -1}}]\n",
                "reduction[0].training.identificationWeight", "expected a finite number >= 0");
        failsAt("reduction: [{method: deepmds++, dimensions: [32], training: {identificationScale: 0}}]\n",
                "reduction[0].training.identificationScale", "expected a number in (0, 50]");
        failsAt("reduction: [{method: deepmds++, dimensions: [32], training: {identificationScale: 64}}]\n",
                "reduction[0].training.identificationScale", "expected a number in (0, 50]");
        TrainingConfig t = ConfigLoader.load(write("reduction: [{method: deepmds++, dimensions: [32],"
                + " training: {identificationWeight: 0.5, identificationScale: 8}}]\n")).reduction().get(0).training();
        assertEquals(0.5, t.identificationWeight());
        assertEquals(8.0, t.identificationScale());
    }

    @Test
    void separateTrainingDatasetBindsAndNamesItsKeys() throws IOException {
        ExperimentConfig c = ConfigLoader.load(write("training:\n"
                + "  dataset: {synthetic: {kind: deepprint-like, identities: 20, samplesPerIdentity: 3}}\n"
                + "reduction: [{method: pca, dimensions: [16]}]\n"));
        assertEquals(20, c.training().dataset().synthetic().identities());
        failsAt("training: {dataset: {features: nowhere.npy, labels: nowhere-labels.npy}}\n",
                "training.dataset.features", "does not exist");
        failsAt("training: {}\n", "training.dataset", "missing");
    }

    @Test
    void unknownTrainingKeyIsNamed() throws IOException {
        failsAt("reduction: [{method: deepmds++, dimensions: [32], training: {epoch: 3}}]\n",
                "reduction[0].training.epoch", "unknown key");
    }

    @Test
    void trainingForAnUntrainedMethodIsRejected() throws IOException {
        failsAt("reduction: [{method: pca, dimensions: [32], training: {epochs: 3}}]\n",
                "reduction[0].training", "not trained");
    }

    @Test
    void plainDeepMdsWithPlusPlusTermsIsRejected() throws IOException {
        failsAt("reduction: [{method: deepmds, dimensions: [32], training: {hardMining: true}}]\n",
                "reduction[0].training", "use method deepmds++");
    }

    @Test
    void duplicateLabelIsRejected() throws IOException {
        failsAt("reduction: [{method: pca, dimensions: [32]}, {method: pca, dimensions: [16]}]\n",
                "reduction[1].label", "distinct label");
    }

    @Test
    void badFheAndRepeatsAndTrainFractionAreNamed() throws IOException {
        failsAt("fhe: {backend: seal}\n", "fhe.backend", "java");
        failsAt("fhe: {threads: 0}\n", "fhe.threads", ">= 1");
        failsAt("repeats: 0\n", "repeats", ">= 1");
        failsAt("protocol: {trainIdentities: 1.5}\n", "protocol.trainIdentities", "(0, 1)");
        failsAt("reduction: [{method: identity, search: []}]\n", "reduction[0].search", "empty");
    }
}
