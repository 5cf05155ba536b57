package org.hersj.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.search.engine.SearchKeySet;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchEngines;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.baseline.Boddeti2018Search;
import org.hersj.fhe.search.twostage.TwoStageSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hers keygen}: the key owner generates a key set with secure randomness and writes it as one
 * subdirectory per role (see {@link KeyDirectory}).
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generate encrypted-search keys (key owner). Writes KEYDIR/client (secret key, owner-only),"
            + " KEYDIR/enroller (public key) and KEYDIR/server (evaluation keys, no secret key)."})
final class KeygenCommand implements Callable<Integer> {

    /** --precision is met for the gallery of --enrolled-by. */
    @Mixin
    PresetOptions presets;

    @Option(names = "--enrolled-by", defaultValue = "public-key", paramLabel = "WHO",
            description = "Who will encrypt the gallery, for --precision: public-key (hers enroll --keys"
                + " KEYDIR/enroller; noisier) or owner (hers enroll --keys KEYDIR/client, the secret key; default:"
                + " ${DEFAULT-VALUE}).")
    String enrolledBy;

    @Option(names = "--backend", defaultValue = "java", paramLabel = "ENGINE",
            description = "java (always available) or openfhe (needs the hers-openfhe jar; default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--boddeti-dims", defaultValue = "0", paramLabel = "D",
            description = "Also generate the rotation keys the Boddeti 2018 baseline needs at dimension D.")
    int boddetiDims;

    @Option(names = "--two-stage-dims", defaultValue = "0", paramLabel = "D",
            description = "Also generate the rotation keys stage 2 of two-stage search needs for D-dimensional features.")
    int twoStageDims;

    @Option(names = "--rotations", split = ",", paramLabel = "STEPS", description = "Extra rotation steps, e.g. 1,2,4.")
    int[] rotations = new int[0];

    @Option(names = "--out", required = true, paramLabel = "KEYDIR", description = "Key directory to create.")
    Path out;

    @Mixin
    ExactScoresOption exactScores;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        SearchEngine engine = SearchEngines.byName(backend);
        if (Files.exists(out.resolve(KeyDirectory.CLIENT))) {
            throw new IllegalArgumentException(out + " already holds keys (" + out.resolve(KeyDirectory.CLIENT)
                    + "); choose another --out or delete it: a new key set cannot decrypt galleries of the old one");
        }
        OutputPaths.checkDirectory("--out", out, List.of());
        IntStream boddeti = boddetiDims > 0 ? Arrays.stream(Boddeti2018Search.rotationSteps(boddetiDims)) : IntStream.empty();
        IntStream twoStage = twoStageDims > 0 ? Arrays.stream(TwoStageSearch.rotationSteps(twoStageDims))
                : IntStream.empty();
        int[] steps = IntStream.concat(Arrays.stream(rotations), IntStream.concat(boddeti, twoStage)).distinct().toArray();
        String chosen = presets.choose(enrolledBy, steps.length > 0 || !engine.runsOnePrimeParameters(),
                exactScores.floodingBits());
        SearchKeySet keys = engine.generateKeys(CkksPresets.byName(chosen).literal(), RandomSource.secure(), steps);
        Files.createDirectories(out);
        engine.writeKeys(keys, out.resolve(KeyDirectory.CLIENT));
        KeyDirectory.splitRoles(out, engine);
        for (String role : List.of(KeyDirectory.CLIENT, KeyDirectory.ENROLLER, KeyDirectory.SERVER)) {
            output.out().println("wrote " + role + " keys to " + out.resolve(role));
        }
        output.out().println("engine " + engine.name() + ", " + keys.server().describeParameters());
        return 0;
    }
}
