package org.hersj.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hersj.experiments.data.LabelReader;
import org.hersj.experiments.io.AtomicFiles;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.client.SearchClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hers rank}: the key owner decrypts a scores file and prints (and optionally writes as CSV) the
 * top-k gallery items, best first, with their labels when given.
 */
@Command(name = "rank", aliases = "decrypt-scores", mixinStandardHelpOptions = true,
        description = {"Decrypt encrypted scores and rank them (key owner, KEYDIR/client): prints rank, item,"
            + " score[, label] of the top K, or with --all every score in gallery order. 'decrypt-scores' is the same"
            + " command."})
final class RankCommand implements Callable<Integer> {

    @Option(names = "--keys", required = true, paramLabel = "KEYDIR/client", description = "Key owner's directory.")
    Path keys;

    @Option(names = "--scores", required = true, paramLabel = "SCORES", description = "Encrypted scores file.")
    Path scores;

    @Option(names = "--top", defaultValue = "10", paramLabel = "K", description = "How many (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--all",
            description = "Decrypt and list every score in gallery order (item,score[,label]) instead of the top K.")
    boolean all;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Gallery labels (e.g. GALLERYDIR/" + EnrollCommand.LABELS_FILE + ") to print with each item.")
    Path labels;

    @Option(names = "--out", paramLabel = "CSV", description = "Also write the ranking as CSV.")
    Path out;

    @Option(names = "--threads", defaultValue = "2", paramLabel = "T", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        if (top < 1) {
            throw new IllegalArgumentException("--top must be at least 1, got " + top);
        }
        if (!Files.isRegularFile(scores)) {
            throw new IllegalArgumentException("scores file " + scores + " does not exist; write it with 'hers search'");
        }
        int[] names = labels == null ? null : LabelReader.read(labels);
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        SearchClient client = new SearchClient(KeyDirectory.backendOf(keys).loadClient(keys, RandomSource.secure()),
                threads);
        List<Match> ranking;
        if (all) {
            double[] every = client.allScores(scores, bar.asSearchListener());
            ranking = java.util.stream.IntStream.range(0, every.length).mapToObj(i -> new Match(i, every[i])).toList();
        } else {
            ranking = client.topK(scores, top, bar.asSearchListener());
        }
        bar.finish("decrypt");
        StringBuilder csv = new StringBuilder((all ? "" : "rank,") + (names == null ? "item,score\n" : "item,score,label\n"));
        for (int r = 0; r < ranking.size(); r++) {
            Match m = ranking.get(r);
            if (names != null && m.item() >= names.length) {
                throw new IllegalArgumentException(labels + " holds " + names.length + " labels but the scores cover item "
                        + m.item() + "; pass the labels of this gallery");
            }
            csv.append(all ? "" : (r + 1) + ",").append(String.format(Locale.ROOT, "%d,%.9f", m.item(), m.score()))
                    .append(names == null ? "" : "," + names[(int) m.item()]).append('\n');
        }
        output.out().print(csv);
        output.out().flush();
        if (out != null) {
            AtomicFiles.writeString(out, csv.toString());
        }
        return 0;
    }
}
