package org.hersj.fhe.openfhe.jni;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.hersj.fhe.ckks.ParameterPolicy;
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

    /** Largest ring dimension read from a file (2^16, as the java engine's cap). */
    static final int MAX_RING_DIMENSION = 1 << 16;
    /** Largest multiplicative depth read from a file (32 primes in all, as the java engine's cap). */
    static final int MAX_DEPTH = 31;

    /**
     * Parses the file's text and checks it as a file from outside: sizes capped (ring dimension up to
     * {@value #MAX_RING_DIMENSION}, depth up to {@value #MAX_DEPTH}, rotation steps inside the slots), and
     * {@code securityBits=0} (parameters outside the HomomorphicEncryption.org table) refused unless
     * {@code policy} allows it. A security level in the file is checked against the table by OpenFHE
     * itself when the context is built.
     *
     * @throws IOException naming the file, the line and what was expected
     */
    static OpenFheParameterFile parse(String text, Path file, ParameterPolicy policy) throws IOException {
        OpenFheParameterFile read = parse(text, file);
        OpenFheParameters p = read.parameters();
        if (p.ringDimension() > MAX_RING_DIMENSION) {
            throw new IOException(file + ": ringDimension=" + p.ringDimension() + " is above the "
                    + MAX_RING_DIMENSION + " HERS-J reads; the file is damaged or not ours");
        }
        if (p.multiplicativeDepth() > MAX_DEPTH) {
            throw new IOException(file + ": multiplicativeDepth=" + p.multiplicativeDepth() + " is above the "
                    + MAX_DEPTH + " HERS-J reads; the file is damaged or not ours");
        }
        for (int step : read.rotationSteps()) {
            if (Math.abs(step) >= p.ringDimension() / 2) {
                throw new IOException(file + ": rotation step " + step + " outside the " + p.ringDimension() / 2
                        + " slots");
            }
        }
        if (p.securityBits() == 0 && !policy.allowsInsecure()) {
            throw new IOException(file + ": securityBits=0: these keys use parameters outside the"
                    + " HomomorphicEncryption.org security table; refused unless the command line says"
                    + " --allow-insecure (toy sizes for tests only)");
        }
        return read;
    }

    /**
     * Parses the file's text (no policy checks: {@link #parse(String, Path, ParameterPolicy)} for files from
     * outside).
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
