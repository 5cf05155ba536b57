package org.hersj.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.hersj.experiments.data.DatasetLoader.FeatureFormat;
import org.hersj.experiments.data.NpyRowStream;
import org.hersj.fhe.search.enroll.RowRanges;
import org.hersj.fhe.search.enroll.RowSource;

/**
 * A feature file as {@link RowRanges} for sharded enrollment: a {@code .npy} file is reopened by every shard
 * (every Spark task) at its own first row, so it must be at the same path on every executor (local mode, or a
 * shared file system); {@code .fvecs} and {@code .csv} files are loaded in memory and shipped whole.
 */
final class FeatureRanges {

    private FeatureRanges() {
    }

    /** The rows of {@code file}, unit-normalised (checked first, as for {@code hers enroll}). */
    static RowRanges of(Path file, ProgressBar bar) throws IOException {
        try (RowSource checked = FeatureFiles.openGallery(file, bar)) {
            if (FeatureFormat.of(file) == FeatureFormat.NPY) {
                return new Npy(file.toAbsolutePath().toString(), checked.rowCount(), checked.dimension());
            }
        }
        return RowRanges.of(FeatureFiles.readNormalized(file));
    }

    /** Rows of a {@code .npy} file, by name. */
    private record Npy(String file, long rowCount, int dimension) implements RowRanges {
        @Override
        public RowSource open(long first, long count) throws IOException {
            RowRanges.checkRange(first, count, rowCount);
            NpyRowStream stream = NpyRowStream.open(Path.of(file));
            stream.skip(first);
            return new NpyRowSource(stream, first, count, "rows " + first + ".." + (first + count - 1) + " of " + file);
        }
    }
}
