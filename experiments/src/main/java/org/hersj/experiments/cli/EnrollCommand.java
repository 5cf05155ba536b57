package org.hersj.experiments.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hersj.experiments.data.LabelReader;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.enroll.EnrollmentSummary;
import org.hersj.fhe.search.enroll.GalleryEnroller;
import org.hersj.fhe.search.enroll.RowSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code hers enroll}: encrypts a feature file (unit-normalised) into a gallery store with the public key;
 * running it again after an interruption resumes without re-encrypting finished blocks.
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Encrypt a gallery (enroller; needs only the public key, KEYDIR/enroller). Resumable:"
            + " rerun the same command after an interruption."})
final class EnrollCommand implements Callable<Integer> {

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
                + " secret key, whose smaller noise gives 10-100x smaller score errors (needed by the LITE presets).")
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

    @Option(names = "--threads", defaultValue = "2", paramLabel = "T", description = "Threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", required = true, paramLabel = "GALLERYDIR", description = "Gallery directory.")
    Path out;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws Exception {
        SearchEngine engine = KeyDirectory.backendOf(keys);
        ProgressBar bar = ProgressBar.forTerminal(output.quiet);
        try (RowSource rows = FeatureFiles.openGallery(features, bar)) {
            if (labels != null) {
                copyLabels(rows.rowCount());
            }
            boolean owner = KeyDirectory.holdsSecret(keys);
            EncryptionBackend encryption = owner ? engine.loadClient(keys, RandomSource.secure())
                    : engine.loadEnroller(keys, RandomSource.secure());
            EnrollmentSummary summary = new GalleryEnroller(encryption, threads, 64)
                    .enroll(rows, RoleOptions.layout(layout, engine), out, bar.asSearchListener());
            bar.finish("enroll");
            output.out().println("enrolled " + rows.rowCount() + " items of dimension " + rows.dimension() + " into "
                    + out + String.format(java.util.Locale.ROOT, " (%d blocks, %d resumed from an earlier run, %.1f s)",
                            summary.records(), summary.resumedRecords(), summary.seconds()));
        }
        return 0;
    }

    /** Reads the labels (one int per row, in memory), checks their count and writes them for the key owner. */
    private void copyLabels(long rowCount) throws java.io.IOException {
        int[] values = LabelReader.read(labels);
        if (values.length != rowCount) {
            throw new IllegalArgumentException(labels + " holds " + values.length + " labels but " + features
                    + " holds " + rowCount + " rows; expected one label per row");
        }
        Path target = (labelsOut != null ? labelsOut : defaultLabelsFile(out)).toAbsolutePath().normalize();
        if (target.startsWith(out.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--labels-out " + labelsOut + " is inside the gallery directory " + out
                    + ", which the server holds; write the labels outside it, for the key owner");
        }
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
