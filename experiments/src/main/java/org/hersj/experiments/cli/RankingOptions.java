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

    /** @throws IllegalArgumentException if {@code --top} is below 1 */
    void check() {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
    }

    /**
     * Prints {@code ranking} as CSV (with labels when given) and writes it to {@code --out} when given.
     *
     * @param numbered whether lines start with their rank
     */
    void emit(List<Match> ranking, boolean numbered, OutputOptions output) throws IOException {
        String csv = RankingCsv.render(ranking, numbered, labels == null ? null : LabelReader.read(labels), labels);
        output.out().print(csv);
        output.out().flush();
        if (out != null) {
            AtomicFiles.writeString(out, csv);
        }
    }
}
