package org.hersj.experiments.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.experiments.data.LabelReader;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.enroll.EnrollmentSummary;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import org.hersj.fhe.search.layout.LayoutKind;
import org.hersj.fhe.search.store.GalleryStore;
import org.hersj.fhe.search.store.RecordFileWriter;
import org.hersj.fhe.search.store.StoreLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hers enroll}: encrypts a feature file (unit-normalised) into a gallery store with the public key;
 * running it again after an interruption resumes without re-encrypting finished blocks.
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Encrypt a gallery (enroller; needs only the public key, KEYDIR/enroller). Resumable: rerun"
            + " the same command after an interruption; every finished block is journaled. A resume from other"
            + " --features or --labels (size, modification time or SHA-256 differ) is refused, and a second"
            + " enrollment into the same GALLERYDIR fails while one runs."})
final class EnrollCommand implements Callable<Integer> {

    /** Records (blocks) between journal entries: 1, so a resume loses at most the blocks in flight. */
    static final int JOURNAL_EVERY = 1;

    /**
     * Where {@code --labels} are written without {@code --labels-out}: beside the gallery directory, never
     * in it (the server holds the gallery directory; labels would map its candidate indices to names).
     */
    static Path defaultLabelsFile(Path galleryDir) {
        Path abs = galleryDir.toAbsolutePath().normalize();
        return abs.resolveSibling(abs.getFileName() + ".labels.txt");
    }

    @Option(names = "--keys", required = true, paramLabel = "KEYDIR/enroller",
            description = "Public key directory (anyone may enroll), or KEYDIR/client: the key owner enrolls with the"
                + " secret key, whose smaller noise gives 5-50x smaller score errors (needed by LITE_N2048).")
    Path keys;

    @Option(names = "--features", required = true, paramLabel = "FILE",
            description = "Gallery features (.npy, .fvecs or .csv); rows are L2-normalised. A 2-D float32/float64"
                    + " .npy file is streamed from disk (any size, bounded memory); the other formats are loaded in memory.")
    Path features;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Gallery labels (.npy or text); copied for the key owner's 'hers rank --labels' to"
                    + " --labels-out (default: GALLERYDIR.labels.txt beside, not inside, the gallery directory).")
    Path labels;

    @Option(names = "--labels-out", paramLabel = "FILE",
            description = "Key-owner file for the copied labels; must be outside GALLERYDIR (which the server holds).")
    Path labelsOut;

    @Option(names = "--layout", paramLabel = "LAYOUT",
            description = "hers-complex (SIMD blocks, two items per complex slot; default with the java engine), "
                    + "hers (one item per slot, as in the paper; default with openfhe), boddeti (one ciphertext "
                    + "per item, prior work) or packed (items packed per ciphertext: the full-dimension gallery of "
                    + "two-stage search).")
    String layout;

    @Mixin
    ThreadsOption threadsOption;

    @Option(names = "--out", required = true, paramLabel = "GALLERYDIR", description = "Gallery directory.")
    Path out;

    @Option(names = "--shards", paramLabel = "S",
            description = "Write S shard files of whole blocks plus a manifest (ranges, fingerprints, SHA-256 per"
                + " shard); rerunning keeps finished shards (verified). Needed with --spark-master.")
    Integer shards;

    @Option(names = "--spark-master", paramLabel = "URL",
            description = "Encrypt the shards as Spark tasks on this master (e.g. local[2], spark://host:7077);"
                + " --threads is then per task. The feature file must be at the same path on every executor. --out may"
                + " then be a Hadoop URI (hdfs://, s3a://, file://).")
    String sparkMaster;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    /** Parameters marked insecure are read from key files only when the command line allowed them. */
    private final ParameterPolicy parameters;

    /** @param parameters which parameters the key files may hold ({@code --allow-insecure}) */
    EnrollCommand(ParameterPolicy parameters) {
        this.parameters = parameters;
    }

    @Override
    public Integer call() throws Exception {
        int threads = threadsOption.value();
        FeatureFiles.requireFile("--features", features);
        if (labels != null) {
            FeatureFiles.requireFile("--labels", labels);
        }
        if (labels != null && labelsOut == null && ShardedRoles.isUri(ShardedRoles.location(spec, "--out"))) {
            throw new IllegalArgumentException("--out is a URI; give --labels-out FILE, a local file for the key owner,"
                    + " for the labels");
        }
        OutputPaths.checkDirectory("--out", out, OutputPaths.inputs(keys, features, labels));
        Path labelsTarget = labels == null ? null
                : (labelsOut != null ? labelsOut : defaultLabelsFile(out)).toAbsolutePath().normalize();
        if (labelsTarget != null) {
            if (labelsTarget.startsWith(out.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("--labels-out " + labelsOut + " is inside the gallery directory "
                        + out + ", which the server holds; write the labels outside it, for the key owner");
            }
            // Replaced on a resume (the journal guarantees the same labels), never an input or a key file.
            OutputPaths.checkFile("--labels-out", labelsTarget, true, OutputPaths.inputs(keys, features, labels));
        }
        SearchEngine engine = KeyDirectory.backendOf(keys);
        if (sparkMaster != null && shards == null) {
            throw new IllegalArgumentException("--spark-master needs --shards S (one Spark task per shard)");
        }
        if (shards != null) {
            if (labels != null) {
                try (RowSource rows = FeatureFiles.openRows(features)) {
                    writeLabels(readLabels(rows.rowCount()), labelsTarget);
                }
            }
            ShardedRoles.enroll(keys, engine, parameters, features, layout, shards, sparkMaster, threads,
                    ShardedRoles.location(spec, "--out"), output);
            return 0;
        }
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        // Keys, rows and labels are checked before the lock creates anything in GALLERYDIR.
        boolean owner = KeyDirectory.holdsSecret(keys);
        EncryptionBackend encryption = owner ? engine.loadClient(keys, RandomSource.secure(), parameters)
                : engine.loadEnroller(keys, RandomSource.secure(), parameters);
        LayoutKind kind = RoleOptions.layout(layout, engine);
        try (RowSource rows = FeatureFiles.openGallery(features, bar)) {
            int[] labelValues = labels == null ? null : readLabels(rows.rowCount());
            try (StoreLock lock = StoreLock.acquire(out)) {
                enroll(rows, labelValues, labelsTarget, encryption, kind, threads, bar);
            }
        }
        return 0;
    }

    /** Under the lock: checks a resume, writes the labels, enrolls. */
    private void enroll(RowSource rows, int[] labelValues, Path labelsTarget, EncryptionBackend encryption,
            LayoutKind kind, int threads, ProgressBar bar) throws java.io.IOException {
        String input = EnrollmentInput.identity(features, labels);
        RecordFileWriter.requireResumable(GalleryStore.recordsFile(out), input);
        if (labelValues != null) {
            writeLabels(labelValues, labelsTarget);
        }
        EnrollmentSummary summary = new GalleryEnroller(encryption, threads, JOURNAL_EVERY)
                .enroll(rows, kind, out, bar.asSearchListener(), input);
        bar.finish("enroll");
        output.out().println("enrolled " + rows.rowCount() + " items of dimension " + rows.dimension() + " into "
                + out + String.format(java.util.Locale.ROOT, " (%d blocks, %d resumed from an earlier run, %.1f s)",
                        summary.records(), summary.resumedRecords(), summary.seconds()));
    }

    /** Reads the labels (one int per row, in memory) and checks their count. */
    private int[] readLabels(long rowCount) {
        int[] values = LabelReader.read(labels);
        if (values.length != rowCount) {
            throw new IllegalArgumentException(labels + " holds " + values.length + " labels but " + features
                    + " holds " + rowCount + " rows; expected one label per row");
        }
        return values;
    }

    /** Writes the labels for the key owner, outside the gallery directory. */
    private void writeLabels(int[] values, Path target) throws java.io.IOException {
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        output.err().println("labels written to " + target + ": keep them with the key owner, not the server");
        // Written label by label: one string of 10^8 labels would need about a gigabyte.
        AtomicFiles.write(target, stream -> {
            for (int value : values) {
                stream.write((value + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        });
    }
}
