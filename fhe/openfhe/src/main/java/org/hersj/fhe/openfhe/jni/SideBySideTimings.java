package org.hersj.fhe.openfhe.jni;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hersj.fhe.ckks.CkksParameters;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ckks.CkksSearchKeys;

/**
 * Prints single-thread median operation and per-block times of our engine and OpenFHE side by side,
 * as a Markdown table, for the search presets.
 *
 * <p>Usage: {@code SideBySideTimings [dimension=64] [repetitions=21] [preset ...]} (presets default to
 * SEARCH_N4096 SEARCH_N8192). Run with {@code OMP_NUM_THREADS=1} on a quiet machine.
 */
public final class SideBySideTimings {

    private SideBySideTimings() {}

    /** Entry point; see the class comment for the arguments. */
    public static void main(String[] args) {
        int dimension = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        List<String> presets = args.length > 2 ? List.of(args).subList(2, args.length)
                : List.of("SEARCH_N4096", "SEARCH_N8192");
        System.out.println("| preset | operation | HERS-J (ms) | OpenFHE (ms) | OpenFHE / HERS-J |");
        System.out.println("|---|---|---:|---:|---:|");
        for (String preset : presets) {
            for (String row : rows(preset, dimension, repetitions)) {
                System.out.println(row);
            }
        }
    }

    /** Markdown rows comparing both engines at one preset. */
    static List<String> rows(String preset, int dimension, int repetitions) {
        CkksParameters parameters = CkksPresets.byName(preset);
        CkksParametersLiteral literal = parameters.literal();
        CkksSearchKeys javaKeys = CkksSearchKeys.generate(parameters, RandomSource.secure());
        Map<String, Double> java = new BackendOperationTimer(javaKeys.enroller(), javaKeys.server(), repetitions)
                .medianMillis(dimension);
        OpenFheKeys openFheKeys = OpenFheKeys.generate(OpenFheParameters.from(literal, OpenFheSettings.DEFAULT));
        Map<String, Double> openFhe = new BackendOperationTimer(openFheKeys.enroller(), openFheKeys.server(),
                repetitions).medianMillis(dimension);
        MedianTimer timer = new MedianTimer(repetitions);
        java.putAll(NativeOperationTimings.java(javaKeys, timer));
        openFhe.putAll(NativeOperationTimings.openFhe(openFheKeys, timer));
        List<String> rows = new ArrayList<>();
        String label = preset + " (OpenFHE " + openFheKeys.parameters().describe() + ")";
        for (Map.Entry<String, Double> e : java.entrySet()) {
            double other = openFhe.get(e.getKey());
            rows.add(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %.2f |", label, e.getKey(), e.getValue(),
                    other, other / e.getValue()));
        }
        return rows;
    }
}
