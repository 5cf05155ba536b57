package org.hersj.experiments.run;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.experiments.report.ResultsCsv;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Records which cached stages (fitted models, encrypted galleries) a run built and which it reused, as
 * {@code stages.csv} in the run directory ({@code kind,label,dimension,search,cache,reused}).
 */
final class StageLog {

    /** File name in the run directory. */
    static final String FILE = "stages.csv";

    private final StringColumn kinds = StringColumn.create("kind");
    private final StringColumn labels = StringColumn.create("label");
    private final IntColumn dimensions = IntColumn.create("dimension");
    private final StringColumn searches = StringColumn.create("search");
    private final StringColumn caches = StringColumn.create("cache");
    private final BooleanColumn reused = BooleanColumn.create("reused");

    void add(String kind, String label, int dimension, String search, Path cacheDir, boolean wasReused) {
        kinds.append(kind);
        labels.append(label);
        dimensions.append(dimension);
        searches.append(search);
        caches.append(cacheDir == null ? "" : cacheDir.getFileName().toString());
        reused.append(wasReused);
    }

    void write(Path file) throws IOException {
        ResultsCsv.write(Table.create("stages", kinds, labels, dimensions, searches, caches, reused), file);
    }
}
