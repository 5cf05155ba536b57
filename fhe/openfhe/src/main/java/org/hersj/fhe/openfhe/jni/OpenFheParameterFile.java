package org.hersj.fhe.openfhe.jni;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.hersj.fhe.openfhe.jni.OpenFheSettings.KeySwitching;

/**
 * The text file {@value OpenFheKeyFiles#PARAMETERS} of an OpenFHE key directory: the translated
 * parameters, settings and rotation steps as {@code key=value} lines under a format line.
 *
 * @param parameters the translated parameters
 * @param rotationSteps rotation steps whose keys were generated
 */
record OpenFheParameterFile(OpenFheParameters parameters, int[] rotationSteps) {
    /** First line of the file. */
    static final String FORMAT_LINE = "hers-j openfhe keys, format 1";

    /** The file's text for these parameters and rotation steps. */
    static String format(OpenFheParameters p, int[] rotationSteps) {
        OpenFheSettings s = p.settings();
        return FORMAT_LINE + "\n"
                + "ringDimension=" + p.ringDimension() + "\n"
                + "multiplicativeDepth=" + p.multiplicativeDepth() + "\n"
                + "firstModulusBits=" + p.firstModulusBits() + "\n"
                + "scaleBits=" + p.scaleBits() + "\n"
                + "securityBits=" + p.securityBits() + "\n"
                + "keySwitching=" + s.keySwitching() + "\n"
                + "bvDigitBits=" + s.bvDigitBits() + "\n"
                + "openMpThreads=" + s.openMpThreads() + "\n"
                + "rotationSteps=" + Arrays.stream(rotationSteps).mapToObj(Integer::toString)
                        .collect(Collectors.joining(",")) + "\n";
    }

    /**
     * Parses the file's text.
     *
     * @throws IOException naming the file, the line and what was expected
     */
    static OpenFheParameterFile parse(String text, Path file) throws IOException {
        String[] lines = text.split("\n");
        if (lines.length == 0 || !lines[0].equals(FORMAT_LINE)) {
            throw new IOException(file + ": line 1: expected '" + FORMAT_LINE + "'");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0) {
                throw new IOException(file + ": line " + (i + 1) + ": expected key=value, got '" + lines[i] + "'");
            }
            values.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
        }
        try {
            OpenFheSettings settings = new OpenFheSettings(KeySwitching.valueOf(value(values, "keySwitching", file)),
                    integer(values, "bvDigitBits", file), integer(values, "openMpThreads", file));
            OpenFheParameters parameters = new OpenFheParameters(integer(values, "ringDimension", file),
                    integer(values, "multiplicativeDepth", file), integer(values, "firstModulusBits", file),
                    integer(values, "scaleBits", file), integer(values, "securityBits", file), settings);
            String steps = value(values, "rotationSteps", file);
            int[] rotationSteps = steps.isEmpty() ? new int[0]
                    : Arrays.stream(steps.split(",")).mapToInt(Integer::parseInt).toArray();
            return new OpenFheParameterFile(parameters, rotationSteps);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static String value(Map<String, String> values, String key, Path file) throws IOException {
        String v = values.get(key);
        if (v == null) {
            throw new IOException(file + ": missing line '" + key + "=...'");
        }
        return v;
    }

    private static int integer(Map<String, String> values, String key, Path file) throws IOException {
        String v = value(values, key, file);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IOException(file + ": " + key + " must be an integer, got '" + v + "'", e);
        }
    }
}
