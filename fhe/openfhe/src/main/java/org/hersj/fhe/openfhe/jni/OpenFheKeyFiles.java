package org.hersj.fhe.openfhe.jni;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import org.hersj.fhe.ckks.ParameterPolicy;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeBytes;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeContext;
import org.hersj.fhe.openfhe.jni.OpenFheShim.NativeKeyPair;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;

/**
 * OpenFHE key files in one directory, so enrollment, search and decryption can run in separate
 * processes: {@value #PARAMETERS} (text), {@value #CONTEXT}, {@value #PUBLIC}, {@value #SECRET}
 * (owner-only), {@value #RELINEARIZATION} and, if rotation keys were made, {@value #ROTATION}. Each
 * binary file is a SHA-256 of its content followed by OpenFHE's own binary serialisation, written
 * atomically. Give the server a copy of the directory without {@value #SECRET}.
 */
public final class OpenFheKeyFiles {
    /** Translated parameters, settings and rotation steps (text). */
    public static final String PARAMETERS = "parameters.openfhe";
    /** OpenFHE crypto context. */
    public static final String CONTEXT = "context.openfhe";
    /** Public key. */
    public static final String PUBLIC = "public.key.openfhe";
    /** Secret key (owner-only). */
    public static final String SECRET = "secret.key.openfhe";
    /** Relinearisation key. */
    public static final String RELINEARIZATION = "relinearization.key.openfhe";
    /** Rotation keys, present only if rotation keys were generated. */
    public static final String ROTATION = "rotation.key.openfhe";

    private static final int DIGEST_BYTES = 32;

    private OpenFheKeyFiles() {}

    /** Writes every key of {@code keys} into {@code dir} (created if needed); the secret key owner-only. */
    public static void write(OpenFheKeys keys, Path dir) throws IOException {
        Files.createDirectories(dir);
        OpenFheEngine engine = keys.engine();
        NativeContext context = engine.context();
        NativeKeyPair pair = keys.secretAndPublic();
        AtomicFiles.write(dir.resolve(PARAMETERS), OpenFheParameterFile.format(engine.parameters(),
                engine.rotationSteps()).getBytes(StandardCharsets.UTF_8), false);
        writeBinary(dir.resolve(CONTEXT), bytes(out -> context.serializeContext(out)), false);
        writeBinary(dir.resolve(PUBLIC), bytes(out -> context.serializePublicKey(pair, out)), false);
        writeBinary(dir.resolve(SECRET), bytes(out -> context.serializeSecretKey(pair, out)), true);
        writeBinary(dir.resolve(RELINEARIZATION), bytes(out -> context.serializeRelinearizationKey(pair, out)), false);
        byte[] rotation = bytes(out -> context.serializeRotationKeys(pair, out));
        if (rotation.length > 0) {
            writeBinary(dir.resolve(ROTATION), rotation, false);
        } else {
            Files.deleteIfExists(dir.resolve(ROTATION));
        }
    }

    /**
     * The key owner's backend from {@code dir} (context, public and secret key, and the relinearisation key
     * when present: sizing the degree-2 payload of lower levels multiplies in OpenFHE, which needs it).
     */
    public static ClientBackend loadClient(Path dir) throws IOException {
        return loadClient(dir, ParameterPolicy.SECURE_ONLY);
    }

    /** As {@link #loadClient(Path)}, insecure parameters read only as {@code policy} allows. */
    public static ClientBackend loadClient(Path dir, ParameterPolicy policy) throws IOException {
        Loaded loaded = load(dir, true, Files.isRegularFile(dir.resolve(RELINEARIZATION)), policy);
        return new OpenFheClientBackend(loaded.engine, loaded.keys);
    }

    /** A public-key enrollment backend from {@code dir} (context and public key only). */
    public static EncryptionBackend loadEnroller(Path dir) throws IOException {
        return loadEnroller(dir, ParameterPolicy.SECURE_ONLY);
    }

    /** As {@link #loadEnroller(Path)}, insecure parameters read only as {@code policy} allows. */
    public static EncryptionBackend loadEnroller(Path dir, ParameterPolicy policy) throws IOException {
        return new OpenFheEncryptionBackend(load(dir, false, false, policy).engine);
    }

    /** The server's backend from {@code dir} (context, public key, evaluation keys; never the secret key). */
    public static ServerBackend loadServer(Path dir) throws IOException {
        return loadServer(dir, ParameterPolicy.SECURE_ONLY);
    }

    /** As {@link #loadServer(Path)}, insecure parameters read only as {@code policy} allows. */
    public static ServerBackend loadServer(Path dir, ParameterPolicy policy) throws IOException {
        return new OpenFheServerBackend(load(dir, false, true, policy).engine);
    }

    private record Loaded(OpenFheEngine engine, NativeKeyPair keys) {}

    private static Loaded load(Path dir, boolean withSecret, boolean withEvaluationKeys, ParameterPolicy policy)
            throws IOException {
        OpenFheLibrary.requireLoaded();
        Path parameterFile = existing(dir, PARAMETERS);
        OpenFheParameterFile parameters = OpenFheParameterFile.parse(
                Files.readString(parameterFile, StandardCharsets.UTF_8), parameterFile, policy);
        NativeContext context = new NativeContext();
        byte[] contextBytes = readBinary(existing(dir, CONTEXT));
        readNative(dir.resolve(CONTEXT), () -> context.initFromBytes(contextBytes, contextBytes.length,
                parameters.parameters().settings().openMpThreads()));
        OpenFheParameters expected = parameters.parameters();
        if (context.ringDimension() != expected.ringDimension()
                || context.qCount() != expected.multiplicativeDepth() + 1) {
            throw new IOException(dir.resolve(CONTEXT) + ": holds N=" + context.ringDimension() + " with "
                    + context.qCount() + " primes, but " + parameterFile + " says " + expected.describe());
        }
        byte[] publicBytes = readBinary(existing(dir, PUBLIC));
        byte[] secretBytes = withSecret ? readBinary(existing(dir, SECRET)) : null;
        NativeKeyPair keys = new NativeKeyPair();
        readNative(dir.resolve(withSecret ? SECRET : PUBLIC), () -> context.readKeys(publicBytes, publicBytes.length,
                secretBytes, secretBytes == null ? 0 : secretBytes.length, keys));
        if (withEvaluationKeys) {
            byte[] mult = readBinary(existing(dir, RELINEARIZATION));
            Path rotationFile = dir.resolve(ROTATION);
            byte[] rotation = Files.isRegularFile(rotationFile) ? readBinary(rotationFile) : null;
            readNative(dir.resolve(RELINEARIZATION), () -> context.readEvaluationKeys(keys, mult, mult.length,
                    rotation, rotation == null ? 0 : rotation.length));
        }
        NativeKeyPair publicOnly = new NativeKeyPair();
        keys.copyPublicKey(publicOnly);
        OpenFheEngine engine = new OpenFheEngine(parameters.parameters(), context, publicOnly, publicBytes,
                parameters.rotationSteps());
        return new Loaded(engine, keys);
    }

    private static void readNative(Path file, Runnable read) throws IOException {
        try {
            read.run();
        } catch (RuntimeException e) {
            throw new IOException(file + ": OpenFHE could not read it (" + e.getMessage()
                    + "); the key directory is damaged or from another OpenFHE build", e);
        }
    }

    private interface Serialiser {
        void into(NativeBytes out);
    }

    private static byte[] bytes(Serialiser serialiser) {
        try (NativeBytes out = new NativeBytes()) {
            serialiser.into(out);
            byte[] data = new byte[Math.toIntExact(out.size())];
            if (data.length > 0) {
                out.data().get(data);
            }
            return data;
        }
    }

    private static void writeBinary(Path file, byte[] content, boolean ownerOnly) {
        byte[] framed = new byte[DIGEST_BYTES + content.length];
        System.arraycopy(sha256(content), 0, framed, 0, DIGEST_BYTES);
        System.arraycopy(content, 0, framed, DIGEST_BYTES, content.length);
        AtomicFiles.write(file, framed, ownerOnly);
    }

    private static byte[] readBinary(Path file) throws IOException {
        byte[] framed = AtomicFiles.read(file);
        if (framed.length <= DIGEST_BYTES) {
            throw new IOException(file + ": truncated OpenFHE key file (" + framed.length + " bytes)");
        }
        byte[] content = Arrays.copyOfRange(framed, DIGEST_BYTES, framed.length);
        if (!Arrays.equals(sha256(content), Arrays.copyOf(framed, DIGEST_BYTES))) {
            throw new IOException(file + ": checksum does not match: the key file was altered or damaged");
        }
        return content;
    }

    private static Path existing(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            String hint = Files.isRegularFile(dir.resolve("parameters.ckks"))
                    ? "this directory holds keys of the Java engine (fhe.backend: java)"
                    : "run 'hers keygen' with fhe.backend: openfhe to create the key directory";
            throw new NoSuchFileException(file.toString(), null, "OpenFHE key file missing; " + hint);
        }
        return file;
    }

    private static byte[] sha256(byte[] data) {
        return Sha256.of(data);
    }
}
