package org.hersj.fhe.openfhe.jni;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hersj.fhe.search.backend.BackendCiphertext;
import org.hersj.fhe.search.backend.ServerBackend;

/**
 * Run in a separate JVM by {@link OpenFheKeyFilesTest}: loads the server's backend from a key
 * directory (no secret key), squares the ciphertext payload in {@code in} with relinearisation and
 * rescaling, and writes the result payload to {@code out}, and its payload sizes (degree 1 fresh, degree 1
 * score level, degree 2 fresh) to {@code out}.sizes. Arguments: key directory, in, out.
 */
public final class KeyDirectoryWorker {

    private KeyDirectoryWorker() {}

    /** Entry point. */
    public static void main(String[] args) throws IOException {
        ServerBackend server = OpenFheKeyFiles.loadServer(Path.of(args[0]));
        BackendCiphertext x = server.newCiphertext(1, server.freshLevel());
        server.readPayload(ByteBuffer.wrap(Files.readAllBytes(Path.of(args[1]))), x);
        BackendCiphertext square = server.newCiphertext(1, server.freshLevel());
        BackendCiphertext score = server.newCiphertext(1, server.scoreLevel());
        server.newEvaluator().multiplyRelinearize(x, x, square);
        server.newEvaluator().rescale(square, score);
        ByteBuffer result = ByteBuffer.allocate(server.payloadBytes(1, server.scoreLevel()));
        server.writePayload(result, score);
        Files.write(Path.of(args[2]), result.array());
        Files.writeString(Path.of(args[2] + ".sizes"), sizes(server));
    }

    /** The payload sizes a process reports for these keys: they must agree between processes. */
    static String sizes(ServerBackend backend) {
        return backend.payloadBytes(1, backend.freshLevel()) + "," + backend.payloadBytes(1, backend.scoreLevel())
                + "," + backend.payloadBytes(2, backend.freshLevel());
    }
}
