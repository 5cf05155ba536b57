package org.hersj.fhe.openfhe.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OpenFHE key directories: written once, used by other processes, damage and misuse refused. */
class OpenFheKeyFilesTest {
    private static OpenFheKeys keys;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() {
        keys = OpenFheKeys.generate(OpenFheParameters.from(CkksPresets.SEARCH_N4096, OpenFheSettings.DEFAULT));
    }

    @Test
    void anotherProcessEvaluatesWithTheServerKeysAndTheOwnerDecrypts() throws Exception {
        OpenFheKeyFiles.write(keys, dir);
        Path serverDir = Files.createDirectory(dir.resolve("server"));
        for (String name : List.of(OpenFheKeyFiles.PARAMETERS, OpenFheKeyFiles.CONTEXT, OpenFheKeyFiles.PUBLIC,
                OpenFheKeyFiles.RELINEARIZATION)) {
            Files.copy(dir.resolve(name), serverDir.resolve(name));
        }
        EncryptionBackend enroller = OpenFheKeyFiles.loadEnroller(dir);
        double[] values = OpenFheBackendTest.randomValues(new Random(8), enroller.slots());
        BackendCiphertext x = enroller.newCiphertext(1, enroller.freshLevel());
        enroller.encryptColumn(values, x);
        ByteBuffer payload = ByteBuffer.allocate(enroller.payloadBytes(1, enroller.freshLevel()));
        enroller.writePayload(payload, x);
        Files.write(dir.resolve("x.bin"), payload.array());

        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KeyDirectoryWorker.class.getName(),
                serverDir.toString(), dir.resolve("x.bin").toString(), dir.resolve("square.bin").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("worker.log").toFile()).start();
        assertTrue(worker.waitFor(120, TimeUnit.SECONDS), "worker did not finish");
        assertEquals(0, worker.exitValue(), Files.readString(dir.resolve("worker.log")));
        assertEquals(KeyDirectoryWorker.sizes(keys.server()), Files.readString(dir.resolve("square.bin.sizes")),
                "payload sizes (they are in file headers) must be the same in every process");

        ClientBackend client = OpenFheKeyFiles.loadClient(dir);
        assertEquals(keys.client().keyFingerprint(), client.keyFingerprint());
        assertEquals(keys.client().parameterFingerprint(), client.parameterFingerprint());
        BackendCiphertext square = client.newCiphertext(1, client.scoreLevel());
        client.readPayload(ByteBuffer.wrap(Files.readAllBytes(dir.resolve("square.bin"))), square);
        double[] out = new double[client.slots()];
        client.withoutNoiseFlooding().decrypt(square, out);
        double[] expected = values.clone();
        for (int i = 0; i < expected.length; i++) {
            expected[i] *= values[i];
        }
        assertTrue(OpenFheBackendTest.maxError(expected, out) < 1e-5);
    }

    @Test
    void secretKeyIsOwnerOnlyAndNeverNeededByTheServer() throws IOException {
        OpenFheKeyFiles.write(keys, dir);
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(OpenFheKeyFiles.SECRET))));
        Files.delete(dir.resolve(OpenFheKeyFiles.SECRET));
        assertEquals(keys.server().keyFingerprint(), OpenFheKeyFiles.loadServer(dir).keyFingerprint());
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> OpenFheKeyFiles.loadClient(dir));
        assertTrue(e.getMessage().contains(OpenFheKeyFiles.SECRET), e.getMessage());
    }

    @Test
    void damagedKeyFileIsRefused() throws IOException {
        OpenFheKeyFiles.write(keys, dir);
        Path file = dir.resolve(OpenFheKeyFiles.RELINEARIZATION);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() / 2);
            int b = raf.read();
            raf.seek(raf.length() / 2);
            raf.write(b ^ 1);
        }
        IOException e = assertThrows(IOException.class, () -> OpenFheKeyFiles.loadServer(dir));
        assertTrue(e.getMessage().contains("checksum does not match"), e.getMessage());
    }

    @Test
    void badParameterFileNamesTheLine() throws IOException {
        assertLoadFailsAfterEditingParameters("scaleBits=38", "scaleBits=many",
                "scaleBits must be an integer, got 'many'");
    }

    @Test
    void parameterFileThatContradictsTheContextIsRefused() throws IOException {
        assertLoadFailsAfterEditingParameters("ringDimension=4096", "ringDimension=8192", "holds N=4096");
    }

    @Test
    void insecureAndOversizedParameterFilesAreRefusedUnlessTheCommandLineAllowsInsecure() throws IOException {
        assertLoadFailsAfterEditingParameters("securityBits=128", "securityBits=0", "--allow-insecure");
        OpenFheKeyFiles.write(keys, dir);
        Path file = dir.resolve(OpenFheKeyFiles.PARAMETERS);
        String secure = Files.readString(file);
        Files.writeString(file, secure.replace("securityBits=128", "securityBits=0"));
        // the command line's --allow-insecure lets the same file through (the context is still OpenFHE's)
        String allowed = OpenFheKeyFiles.loadServer(dir,
                org.hersj.fhe.ckks.ParameterPolicy.allowInsecure("hers search --allow-insecure")).describeParameters();
        assertTrue(allowed.contains("insecure"), allowed);
        Files.writeString(file, secure);
        assertLoadFailsAfterEditingParameters("ringDimension=4096", "ringDimension=131072", "above the 65536");
        assertLoadFailsAfterEditingParameters("multiplicativeDepth=1", "multiplicativeDepth=64", "above the 31");
    }

    private void assertLoadFailsAfterEditingParameters(String line, String replacement, String message)
            throws IOException {
        OpenFheKeyFiles.write(keys, dir);
        Path file = dir.resolve(OpenFheKeyFiles.PARAMETERS);
        Files.writeString(file, Files.readString(file).replace(line, replacement));
        IOException e = assertThrows(IOException.class, () -> OpenFheKeyFiles.loadServer(dir));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void directoryOfTheJavaEngineIsExplained() throws IOException {
        Files.writeString(dir.resolve("parameters.ckks"), "not ours");
        NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> OpenFheKeyFiles.loadEnroller(dir));
        assertTrue(e.getMessage().contains("keys of the Java engine"), e.getMessage());
    }
}
