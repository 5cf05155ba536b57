package org.hersj.experiments.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.server.ScoreForm;
import org.hersj.fhe.search.server.SearchReport;
import org.hersj.fhe.search.service.SearchServer;
import org.hersj.fhe.search.store.EncryptedProbe;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.ReadMode;
import org.hersj.fhe.search.store.RecordFileReader;
import org.hersj.fhe.search.twostage.Stage2Request;
import org.hersj.fhe.search.twostage.Stage2Response;
import org.hersj.fhe.search.twostage.Stage2ResponseFile;
import org.hersj.fhe.search.twostage.TwoStageSearch;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hers search}: the server scores an encrypted gallery against an encrypted probe file and writes
 * encrypted scores. It loads evaluation keys only and refuses a key directory holding the secret key.
 * With {@code --plaintext-probe-weaker-threat-model} the probe is given in the clear (only the gallery is
 * protected). With {@code --two-stage REQUEST} it runs stage 2 of two-stage search: only the request's
 * candidates of a packed full-dimension gallery are scored, into a stage-2 response file.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Score an encrypted gallery against an encrypted probe (server, KEYDIR/server; never the"
            + " secret key). Writes encrypted scores for 'hers rank'."})
final class SearchCommand implements Callable<Integer> {

    @Option(names = "--server-keys", required = true, paramLabel = "KEYDIR/server",
            description = "Server key directory (evaluation keys, no secret key).")
    Path serverKeys;

    @Option(names = "--gallery", required = true, paramLabel = "GALLERYDIR", description = "Encrypted gallery.")
    Path gallery;

    @ArgGroup(exclusive = true, multiplicity = "1")
    ProbeSource probe;

    @Option(names = "--out", required = true, paramLabel = "SCORES", description = "Encrypted scores file to write.")
    Path out;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--two-stage", paramLabel = "REQUEST",
            description = "Two-stage search, stage 2: score only the candidates of this stage-2 request (from 'hers rank"
                + " --stage2-request') against the packed full-dimension gallery, with the stage-2 probe ('hers"
                + " encrypt-probe --layout packed'); --out receives the stage-2 response for 'hers rerank'.")
    Path twoStage;

    @Option(names = "--score-form", paramLabel = "FORM",
            description = "degree-two (the block's degree-2 product, not relinearised or rescaled: the faster server"
                + " block, decrypted with s and s^2) or relinearized (smaller score files; needs a relinearisation key)."
                + " Default: degree-two.")
    String scoreForm;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Score a sharded gallery (hers enroll --shards) on Spark, one task per shard; --out is then"
                + " a directory of score shards with a manifest, which 'hers rank --scores' reads as one. --gallery and"
                + " --out may then be Hadoop URIs (hdfs://, s3a://, file://).")
    String sparkMaster;

    @Mixin
    DirectIoOption directIo;

    @Mixin
    ForceOption force;

    @Spec
    CommandSpec spec;

    @Mixin
    OutputOptions output;

    /** The probe: an encrypted probe file, or (weaker threat model) a clear feature row. */
    static final class ProbeSource {
        @Option(names = "--probe", required = true, paramLabel = "PROBE", description = "Encrypted probe file.")
        Path encrypted;

        @ArgGroup(exclusive = false)
        ClearProbe clear;
    }

    /** A probe in the clear: WEAKER THREAT MODEL, the server sees it. */
    static final class ClearProbe {
        @Option(names = "--plaintext-probe-weaker-threat-model", required = true, paramLabel = "FILE",
                description = "WEAKER THREAT MODEL: the probe is a clear feature file seen by the server; only the"
                    + " gallery is protected.")
        Path features;

        @Option(names = "--row", defaultValue = "0", paramLabel = "I", description = "Row of the clear probe file.")
        int row;
    }

    /** Parameters marked insecure are read from key files only when the command line allowed them. */
    private final ParameterPolicy parameters;

    /** @param parameters which parameters the key files may hold ({@code --allow-insecure}) */
    SearchCommand(ParameterPolicy parameters) {
        this.parameters = parameters;
    }

    @Override
    public Integer call() throws Exception {
        int threads = threadsOption.value();
        if (sparkMaster == null || !ShardedRoles.isUri(ShardedRoles.location(spec, "--out"))) { // a URI is Hadoop's
            OutputPaths.checkFile("--out", out, force.force, OutputPaths.inputs(serverKeys, gallery, probe.encrypted,
                    probe.clear == null ? null : probe.clear.features, twoStage));
        }
        if (directIo.direct && (sparkMaster != null || twoStage != null || probe.encrypted == null)) {
            throw new IllegalArgumentException("--direct-io reads a local gallery for the HERS search with an encrypted"
                    + " probe (--probe); drop it with --spark-master, --two-stage or a clear probe");
        }
        KeyDirectory.requireNoSecret(serverKeys);
        ServerBackend server = KeyDirectory.backendOf(serverKeys).loadServer(serverKeys, parameters);
        if (sparkMaster != null) {
            if (twoStage != null || probe.encrypted == null) {
                throw new IllegalArgumentException("--spark-master runs the HERS search with an encrypted probe (--probe);"
                        + " drop --two-stage / --plaintext-probe-weaker-threat-model");
            }
            ShardedRoles.search(serverKeys, ShardedRoles.location(spec, "--gallery"), probe.encrypted,
                    scoreForm == null ? ScoreForm.defaultFor(server) : ScoreForm.byName(scoreForm), sparkMaster,
                    ShardedRoles.location(spec, "--out"), output);
            return 0;
        }
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        if (twoStage != null) {
            return stage2(server, threads);
        }
        SearchReport[] report = new SearchReport[1];
        if (probe.encrypted != null) {
            EncryptedProbe encrypted = EncryptedProbe.read(probe.encrypted, server);
            ScoreForm form = scoreForm == null ? ScoreForm.defaultFor(server) : ScoreForm.byName(scoreForm);
            SearchServer searchServer = new SearchServer(server, threads, directIo.readMode());
            OutputPaths.writeReplacing(out, file -> report[0] = searchServer.search(gallery, encrypted, form, file,
                    bar.asSearchListener()));
        } else {
            output.err().println("hers: warning: WEAKER THREAT MODEL: the probe is in the clear; only the gallery is protected");
            float[] clear = FeatureFiles.row(probe.clear.features, probe.clear.row);
            OutputPaths.writeReplacing(out, file -> report[0] = new SearchServer(server, threads)
                    .searchClearProbeWeakerThreatModel(gallery, clear, file, bar.asSearchListener()));
        }
        bar.finish("search");
        output.out().printf(Locale.ROOT, "scored %d items (%d dims, %d blocks) in %.2f s%s; encrypted scores in %s%n",
                report[0].items(), report[0].dimension(), report[0].records(), report[0].seconds(),
                report[0].readMode() == ReadMode.DIRECT ? ", read around the page cache" : "", out);
        return 0;
    }

    private int stage2(ServerBackend server, int threads) throws java.io.IOException {
        if (probe.encrypted == null) {
            throw new IllegalArgumentException("--two-stage needs the encrypted stage-2 probe (--probe), not a clear one");
        }
        Stage2Request request = Stage2Request.read(twoStage);
        if (!request.keyFingerprint().equals(server.keyFingerprint())) {
            throw new IllegalArgumentException("stage-2 request " + twoStage + " was made for other keys than "
                    + serverKeys + "; pass the request of a search under these keys");
        }
        try (RecordFileReader packed = GalleryStore.open(gallery, server)) {
            if (packed.header().layout().itemCount() != request.galleryItems()) {
                throw new IllegalArgumentException("stage-2 request " + twoStage + " is for a gallery of "
                        + request.galleryItems() + " items but " + gallery + " holds "
                        + packed.header().layout().itemCount() + "; pass the packed gallery of the same items");
            }
            int dimension = packed.header().layout().dimension();
            if (!server.hasRotationKeys(TwoStageSearch.rotationSteps(dimension))) {
                throw new IllegalArgumentException("the server keys " + serverKeys + " lack the rotation keys stage 2 of "
                        + dimension + "-d features needs; generate the keys with 'hers keygen --two-stage-dims "
                        + dimension + "' (and enroll and search under them)");
            }
        }
        EncryptedProbe encrypted = EncryptedProbe.read(probe.encrypted, server);
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        Stage2Response response = new SearchServer(server, threads).scoreCandidates(gallery, encrypted,
                request.candidates(), bar.asSearchListener());
        Stage2ResponseFile.write(out, response, request, server);
        bar.finish("stage 2");
        output.out().printf(Locale.ROOT, "stage 2: scored %d candidates in %d groups (%d dims) in %.2f s; encrypted"
                + " stage-2 response in %s%n", response.groups().candidateCount(), response.groups().groupCount(),
                response.layout().dimension(), response.seconds(), out);
        return 0;
    }
}
