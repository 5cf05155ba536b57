package org.hersj.experiments.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hersj.experiments.data.LabelReader;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.search.client.Match;
import picocli.CommandLine.Option;

/**
 * The options of the key owner's ranking commands ({@code rank}, {@code rerank}): how many items, their
 * labels, and an optional CSV copy of what is printed.
 */
final class RankingOptions {

    @Option(names = "--top", defaultValue = "10", paramLabel = "K", description = "How many (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Gallery labels, the key owner's copy written by 'hers enroll --labels' (default GALLERYDIR.labels.txt), to print with each item.")
    Path labels;

    @Option(names = "--out", paramLabel = "CSV", description = "Also write the ranking as CSV.")
    Path out;

    @Option(names = "--force", description = "Replace output files that already exist (never an input or a key file).")
    boolean force;

    /**
     * @param inputs the command's inputs, which {@code --out} must not be
     * @throws IllegalArgumentException if {@code --top} is below 1 or {@code --out} cannot be written
     */
    void check(List<Path> inputs) {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        if (out != null) {
            OutputPaths.checkFile("--out", out, force, inputs);
        }
    }

    /**
     * Reads {@code --labels} and checks there is one per gallery item.
     *
     * @param galleryItems items in the gallery the scores are of
     * @return the labels, or null without {@code --labels}
     * @throws IllegalArgumentException if the count differs (the labels of another gallery)
     */
    int[] labelsFor(long galleryItems) {
        if (labels == null) {
            return null;
        }
        FeatureFiles.requireFile("--labels", labels);
        int[] values = LabelReader.read(labels);
        if (values.length != galleryItems) {
            throw new IllegalArgumentException("--labels " + labels + " holds " + values.length + " labels but the"
                    + " gallery holds " + galleryItems + " items; pass the labels of this gallery");
        }
        return values;
    }

    /**
     * Prints {@code ranking} as CSV (with labels when given) and writes it to {@code --out} when given.
     *
     * @param numbered    whether lines start with their rank
     * @param labelValues labels by item (from {@link #labelsFor}), or null
     */
    void emit(List<Match> ranking, boolean numbered, int[] labelValues, OutputOptions output) throws IOException {
        String csv = RankingCsv.render(ranking, numbered, labelValues, labels);
        output.out().print(csv);
        output.out().flush();
        if (out != null) {
            AtomicFiles.writeString(out, csv);
        }
    }
}
