package org.hersj.experiments.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hersj.fhe.io.AtomicFiles;

/**
 * Records which cached stages (fitted models, encrypted galleries) a run built and which it reused, as
 * {@code stages.csv} in the run directory ({@code kind,label,dimension,search,cache,reused}).
 */
final class StageLog {

    /** File name in the run directory. */
    static final String FILE = "stages.csv";

    private final List<String> lines = new ArrayList<>(List.of("kind,label,dimension,search,cache,reused"));

    void add(String kind, String label, int dimension, String search, Path cacheDir, boolean reused) {
        lines.add(String.format(Locale.ROOT, "%s,%s,%d,%s,%s,%b", kind, label, dimension, search,
                cacheDir == null ? "" : cacheDir.getFileName(), reused));
    }

    void write(Path file) throws IOException {
        AtomicFiles.writeString(file, String.join("\n", lines) + "\n");
    }
}
