package org.hersj.experiments.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code dataset}: either files ({@code features} and {@code labels}) or a {@code synthetic} block, never
 * both.
 *
 * @param name      name used in results; default: the features file's directory name, or
 *                  {@code synthetic-<kind>}
 * @param features  feature file ({@code .npy}, {@code .fvecs} or {@code .csv}), relative to the config file
 * @param labels    label file ({@code .npy} int32/int64 or text, one label per line), relative to the
 *                  config file
 * @param synthetic generated data instead of files
 */
public record DatasetConfig(String name, String features, String labels, SyntheticConfig synthetic) {

    /** Checks that exactly one source is given and fills in the name. */
    public DatasetConfig {
        boolean files = features != null || labels != null;
        if (files && synthetic != null) {
            throw new ConfigValueException("synthetic", "given together with features/labels; expected either"
                    + " files (features + labels) or a synthetic block, not both");
        }
        if (!files && synthetic == null) {
            throw new ConfigValueException("features", "missing; expected features + labels files or a synthetic block");
        }
        if (files) {
            Checks.required("features", features, "a feature file (.npy, .fvecs or .csv)");
            Checks.required("labels", labels, "a label file (.npy or text, one label per line)");
        }
        if (name == null) {
            name = synthetic != null ? "synthetic-" + synthetic.kind() : defaultName(features);
        }
        Checks.name("name", name);
    }

    private static String defaultName(String features) {
        Path path = Path.of(features).toAbsolutePath().normalize();
        Path parent = path.getParent();
        String base = parent != null && parent.getFileName() != null ? parent.getFileName().toString()
                : path.getFileName().toString();
        return base.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** @return whether the data is generated */
    public boolean usesSyntheticData() {
        return synthetic != null;
    }

    /**
     * @param baseDir the config file's directory
     * @return a copy with absolute file paths
     * @throws ConfigValueException if a file does not exist
     */
    DatasetConfig resolvedAgainst(Path baseDir) {
        if (usesSyntheticData()) {
            return this;
        }
        return new DatasetConfig(name, existing("features", baseDir, features), existing("labels", baseDir, labels), null);
    }

    private static String existing(String key, Path baseDir, String file) {
        Path path = baseDir.resolve(file).toAbsolutePath().normalize();
        if (!Files.isRegularFile(path)) {
            throw new ConfigValueException(key, "file " + path + " does not exist (paths are relative to the"
                    + " config file's directory); expected an existing file");
        }
        return path.toString();
    }
}
