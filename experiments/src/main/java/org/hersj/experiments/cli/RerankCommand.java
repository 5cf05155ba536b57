package org.hersj.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.client.Match;
import org.hersj.fhe.search.client.SearchClient;
import org.hersj.fhe.search.twostage.Stage2Request;
import org.hersj.fhe.search.twostage.Stage2Response;
import org.hersj.fhe.search.twostage.Stage2ResponseFile;
import org.hersj.fhe.search.twostage.TwoStageClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hers rerank}: the key owner's last step of two-stage search: decrypts the server's stage-2
 * response to its own stage-2 request and prints the candidates re-ranked by their full-dimension scores.
 */
@Command(name = "rerank", mixinStandardHelpOptions = true,
        description = {"Two-stage search, last step (key owner, KEYDIR/client): decrypt the stage-2 response of"
            + " 'hers search --two-stage' and print the candidates of the stage-2 request re-ranked by their"
            + " full-dimension scores (rank,item,score[,label])."})
final class RerankCommand implements Callable<Integer> {

    @Option(names = "--keys", required = true, paramLabel = "KEYDIR/client", description = "Key owner's directory.")
    Path keys;

    @Option(names = "--request", required = true, paramLabel = "REQUEST",
            description = "The stage-2 request written by 'hers rank --stage2-request'.")
    Path request;

    @Option(names = "--response", required = true, paramLabel = "RESPONSE",
            description = "The stage-2 response written by 'hers search --two-stage'.")
    Path response;

    @Mixin
    RankingOptions ranked;

    @Mixin
    OutputOptions output;

    /** Parameters marked insecure are read from key files only when the command line allowed them. */
    private final ParameterPolicy parameters;

    /** @param parameters which parameters the key files may hold ({@code --allow-insecure}) */
    RerankCommand(ParameterPolicy parameters) {
        this.parameters = parameters;
    }

    @Override
    public Integer call() throws Exception {
        ranked.check(OutputPaths.inputs(keys, request, response, ranked.labels));
        ClientBackend client = KeyDirectory.backendOf(keys).loadClient(keys, RandomSource.secure(), parameters);
        Stage2Request asked = Stage2Request.read(request);
        Stage2Response answer = Stage2ResponseFile.read(response, asked, client);
        List<Match> ranking = new TwoStageClient(client).scores(answer, asked.candidates());
        for (Match m : ranking) {
            if (!(Math.abs(m.score()) <= 1 + SearchClient.UNIT_SCORE_MARGIN)) {
                throw new IllegalStateException("decrypted stage-2 score " + m.score() + " of item " + m.item()
                        + " is outside [-1, 1] by more than " + SearchClient.UNIT_SCORE_MARGIN + ": the keys and the"
                        + " stage-2 response do not belong together; decrypt with the client keys of this key set");
            }
        }
        ranked.emit(ranking.subList(0, Math.min(ranked.top, ranking.size())), true,
                ranked.labelsFor(asked.galleryItems()), output);
        return 0;
    }
}
