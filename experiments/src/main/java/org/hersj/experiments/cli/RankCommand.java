package org.hersj.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.store.FileKind;
import org.hersj.fhe.search.store.RecordSet;
import org.hersj.fhe.search.store.ShardManifest;
import org.hersj.fhe.search.store.ShardedRecordSet;
import org.hersj.fhe.search.twostage.Stage2Request;
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

    @Option(names = "--scores", required = true, paramLabel = "SCORES",
            description = "Encrypted scores file, or the directory of score shards of 'hers search --spark-master'.")
    Path scores;

    @Option(names = "--all",
            description = "Decrypt and list every score in gallery order (item,score[,label]) instead of the top K.")
    boolean all;

    @Mixin
    RankingOptions ranked;

    @Option(names = "--stage2-request", paramLabel = "REQUEST",
            description = "Two-stage search: also write the top K items as a stage-2 request file for"
                + " 'hers search --two-stage REQUEST' (key owner to server; holds indices only).")
    Path stage2Request;

    @Mixin
    ThreadsOption threadsOption;

    @Mixin
    ExactScoresOption exactScores;

    @Mixin
    OutputOptions output;

    /** Parameters marked insecure are read from key files only when the command line allowed them. */
    private final ParameterPolicy parameters;

    /** @param parameters which parameters the key files may hold ({@code --allow-insecure}) */
    RankCommand(ParameterPolicy parameters) {
        this.parameters = parameters;
    }

    @Override
    public Integer call() throws Exception {
        ranked.check(OutputPaths.inputs(keys, scores, ranked.labels));
        int threads = threadsOption.value();
        if (stage2Request != null) {
            OutputPaths.checkFile("--stage2-request", stage2Request, ranked.force,
                    OutputPaths.inputs(keys, scores, ranked.labels, ranked.out));
        }
        if (exactScores.exact && stage2Request != null) {
            throw new IllegalArgumentException("--stage2-request goes to the server, so its ranking must come from"
                    + " flooded decryptions; drop --exact-scores");
        }
        if (all && stage2Request != null) {
            throw new IllegalArgumentException("--stage2-request takes the top K; drop --all");
        }
        if (!Files.isRegularFile(scores) && !ShardManifest.isSharded(scores)) {
            throw new IllegalArgumentException("scores file " + scores + " does not exist (nor a directory of score shards"
                    + " with " + ShardManifest.FILE + "); write it with 'hers search'");
        }
        long items;
        try (RecordSet reader = ShardedRecordSet.openEither(scores, FileKind.SCORES)) {
            items = reader.header().layout().itemCount();
        }
        int[] labelValues = ranked.labelsFor(items);
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        ClientBackend loaded = KeyDirectory.backendOf(keys).loadClient(keys, RandomSource.secure(), parameters);
        ClientBackend backend = exactScores.decrypting(loaded);
        SearchClient client = new SearchClient(backend, threads).requiringUnitScores();
        List<Match> ranking;
        if (all) {
            double[] every = client.allScores(scores, bar.asSearchListener());
            ranking = java.util.stream.IntStream.range(0, every.length).mapToObj(i -> new Match(i, every[i])).toList();
        } else {
            ranking = client.topK(scores, ranked.top, bar.asSearchListener());
        }
        bar.finish("decrypt");
        ranked.emit(ranking, !all, labelValues, output);
        if (stage2Request != null) {
            // in a random order: the server learns which items are candidates, not how stage 1 ranked them
            Stage2Request.inRandomOrder(items, backend.keyFingerprint(),
                    ranking.stream().mapToLong(Match::item).toArray()).write(stage2Request);
            output.err().println("wrote the stage-2 request (" + ranking.size() + " candidates) to " + stage2Request
                    + "; send it to the server with the stage-2 probe ('hers encrypt-probe --layout packed')");
        }
        return 0;
    }
}
