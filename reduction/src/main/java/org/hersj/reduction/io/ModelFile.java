package org.hersj.reduction.io;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hersj.reduction.core.AtomicFiles;
import org.hersj.reduction.core.Reducer;
import org.hersj.reduction.deepmds.DeepMdsModel;
import org.hersj.reduction.deepmds.ModelProvenance;
import org.hersj.reduction.pca.PcaReducer;

/**
 * Reduction model files ({@code .hersred}): an {@link Envelope} of {@link #FORMAT} (major 4) whose body is
 * the payload. Files of release 0.1.0 (formats 1 and 2: the 8 magic bytes {@code HERSJRED}, format version
 * (int), payload length (long), the payload, and the SHA-256 of the payload) and envelopes of major 3 are
 * still read; format 2 has the payload of format 3, whose provenance predates the identification term
 * ({@link FormatThreeRecords}). The payload holds the kind
 * ({@code deepmds} or {@code pca}) and its parameters; a DeepMDS payload holds the provenance with the
 * training configuration, then one weight snapshot per trained stage. Files are written to a temporary name in the same directory and renamed; a
 * DeepMDS model also gets {@code <file>.provenance.json} beside it. Reading checks magic, version, length
 * and checksum and names the file and the problem.
 */
public final class ModelFile {

    /** Usual file name extension. */
    public static final String EXTENSION = ".hersred";

    /**
     * The envelope of model files; majors 1 and 2 were the {@code HERSJRED} frame of 0.1.0, major 3 the
     * envelope before the identification term; all still read.
     */
    public static final Envelope.Format FORMAT = new Envelope.Format("HERS-J reduction model", "HJREDMOD", 4, 0);
    /** Envelope major 3 (release 0.2.0): the payload of {@link #VERSION}; still read. */
    private static final int ENVELOPE_THREE = 3;
    private static final byte[] MAGIC = "HERSJRED".getBytes(StandardCharsets.US_ASCII);
    /** Version 2 (release 0.1.0 and after): the payload envelope major 3 carried; still read. */
    private static final int VERSION = 2;
    /** Version 1 (release 0.1.0): provenance without init, early-stop metric and stage speed; still read. */
    private static final int VERSION_ONE = 1;
    private static final int HEADER = MAGIC.length + Integer.BYTES + Long.BYTES;
    private static final int DIGEST = 32;

    private ModelFile() {
    }

    /**
     * Saves a PCA or DeepMDS reducer.
     *
     * @param reducer a {@link PcaReducer}, a {@link DeepMdsModel}
     * @param file    the destination (replaced atomically)
     */
    public static void save(Reducer reducer, Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (reducer instanceof DeepMdsModel m) {
                out.writeUTF("deepmds");
                RecordCodec.write(out, m.provenance());
                List<Map<String, float[]>> snapshots = m.snapshotValues();
                out.writeInt(snapshots.size());
                for (Map<String, float[]> params : snapshots) {
                    out.writeInt(params.size());
                    for (Map.Entry<String, float[]> e : params.entrySet()) {
                        out.writeUTF(e.getKey());
                        writeFloats(out, e.getValue());
                    }
                }
            } else if (reducer instanceof PcaReducer p) {
                out.writeUTF("pca");
                out.writeInt(p.outputDimension());
                writeFloats(out, p.mean());
                for (float[] row : p.components()) {
                    writeFloats(out, row);
                }
            } else {
                throw new IllegalArgumentException("cannot save a " + reducer.method()
                        + " reducer; only pca and deepmds models have files");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file, Envelope.wrap(FORMAT, new byte[0], bytes.toByteArray()));
        if (reducer instanceof DeepMdsModel m) {
            AtomicFiles.write(provenanceFile(file), ProvenanceJson.write(m.provenance()).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * @param file a model file
     * @return the path of its provenance JSON
     */
    public static Path provenanceFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".provenance.json");
    }

    /**
     * Loads a model file.
     *
     * @param file the file
     * @return a {@link DeepMdsModel} or {@link PcaReducer}
     * @throws IllegalArgumentException if the file is missing, truncated, not a model file, of another
     *                                  format version, or its content does not match its checksum
     */
    public static Reducer load(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("model file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file, e);
        }
        byte[] payload;
        int version;
        if (all.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(all, MAGIC.length), MAGIC)) {
            version = legacyVersion(all, file);
            payload = Arrays.copyOfRange(all, HEADER, all.length - DIGEST);
        } else {
            Envelope e = Envelope.read(all, FORMAT, "model file " + file, IllegalArgumentException::new);
            if (e.major() != FORMAT.major() && e.major() != ENVELOPE_THREE) {
                throw problem(file, "has format " + e.major() + "." + e.minor() + " in an envelope, which no release"
                        + " wrote; save the model again");
            }
            version = e.major() == ENVELOPE_THREE ? VERSION : FORMAT.major();
            payload = new byte[e.body().remaining()];
            e.body().get(payload);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            String kind = in.readUTF();
            return switch (kind) {
                case "deepmds" -> readDeepMds(in, version);
                case "pca" -> readPca(in);
                default -> throw problem(file, "holds an unknown model kind '" + kind + "'");
            };
        } catch (EOFException e) {
            throw problem(file, "ends inside its payload (inconsistent content)");
        } catch (IOException | IllegalArgumentException e) {
            throw problem(file, "has inconsistent content: " + e.getMessage());
        }
    }

    // Checks a file of format 1 or 2 (release 0.1.0) and returns its version.
    private static int legacyVersion(byte[] all, Path file) {
        if (all.length < HEADER) {
            throw problem(file, "is truncated inside its HERSJRED header; save the model again");
        }
        ByteBuffer buf = ByteBuffer.wrap(all);
        buf.position(MAGIC.length);
        int version = buf.getInt();
        if (version != VERSION && version != VERSION_ONE) {
            throw problem(file, "has HERSJRED format version " + version + ", this build reads versions " + VERSION_ONE
                    + " and " + VERSION + " of that frame and " + FORMAT.major() + " in its envelope");
        }
        long length = buf.getLong();
        long expected = HEADER + length + DIGEST;
        if (length < 0 || all.length != expected) {
            throw problem(file, "is truncated or has extra bytes: " + all.length + " bytes, expected " + expected
                    + "; save the model again");
        }
        byte[] payload = Arrays.copyOfRange(all, HEADER, HEADER + (int) length);
        if (!MessageDigest.isEqual(sha256(payload), Arrays.copyOfRange(all, all.length - DIGEST, all.length))) {
            throw problem(file, "does not match its SHA-256 checksum (corrupted or edited); save the model again");
        }
        return version;
    }

    private static DeepMdsModel readDeepMds(DataInputStream in, int version) throws IOException {
        ModelProvenance provenance = switch (version) {
            case VERSION_ONE -> RecordCodec.read(in, FormatOneRecords.Provenance.class).current();
            case VERSION -> RecordCodec.read(in, FormatThreeRecords.Provenance.class).current();
            default -> RecordCodec.read(in, ModelProvenance.class);
        };
        int stages = in.readInt();
        if (stages < 1 || stages > provenance.config().stageCount()) {
            throw new IOException(stages + " stage snapshots for a " + provenance.config().stageCount() + "-stage chain");
        }
        List<Map<String, float[]>> snapshots = new ArrayList<>();
        for (int k = 0; k < stages; k++) {
            int count = in.readInt();
            Map<String, float[]> params = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                params.put(in.readUTF(), readFloats(in));
            }
            snapshots.add(params);
        }
        return DeepMdsModel.fromParameters(provenance.config(), snapshots, provenance);
    }

    private static PcaReducer readPca(DataInputStream in) throws IOException {
        int outDim = in.readInt();
        float[] mean = readFloats(in);
        float[][] components = new float[mean.length][];
        for (int i = 0; i < mean.length; i++) {
            components[i] = readFloats(in);
            if (components[i].length != outDim) {
                throw new IOException("PCA component row " + i + " has " + components[i].length + " values, expected "
                        + outDim);
            }
        }
        return new PcaReducer(mean, components);
    }

    private static void writeFloats(DataOutputStream out, float[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asFloatBuffer().put(values);
        out.writeInt(values.length);
        out.write(buf.array());
    }

    private static float[] readFloats(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available() / Float.BYTES) {
            throw new IOException("float array length " + n + " exceeds the remaining payload");
        }
        byte[] raw = new byte[n * Float.BYTES];
        in.readFully(raw);
        float[] values = new float[n];
        ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    private static IllegalArgumentException problem(Path file, String what) {
        return new IllegalArgumentException("model file " + file + " " + what);
    }
}
