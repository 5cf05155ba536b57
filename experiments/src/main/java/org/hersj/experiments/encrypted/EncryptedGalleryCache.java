package org.hersj.experiments.encrypted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hersj.experiments.cache.StageCache;
import org.hersj.experiments.config.FheConfig;
import org.hersj.experiments.search.SearchContext;
import org.hersj.fhe.ckks.CkksParametersLiteral;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.search.engine.SearchKeySet;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchEngines;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ClientBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;

/**
 * Keys and encrypted galleries of the encrypted search modes, kept in the stage cache under the hash of
 * the galleries and the FHE settings: built once (fresh SecureRandom keys written as {@code hers keygen}
 * writes them, secret key owner-readable only, then the enrollment) and reused by later runs.
 */
final class EncryptedGalleryCache {

    /** Fills a stage directory with encrypted galleries under freshly generated keys. */
    @FunctionalInterface
    interface Enrollment {
        /**
         * @param keys the fresh keys
         * @param dir  the stage directory to enrol into
         * @throws IOException if writing fails
         */
        void enrol(SearchKeySet keys, Path dir) throws IOException;
    }

    /**
     * Keys and galleries ready to search.
     *
     * @param dir          the stage directory (galleries in it as the enrollment placed them)
     * @param client       the key owner's backend
     * @param server       the server's backend (evaluation keys only)
     * @param reused       whether the stage came from the cache
     * @param keygenNanos  key generation time (0 when reused)
     * @param enrolNanos   enrollment time (0 when reused)
     */
    record Ready(Path dir, ClientBackend client, ServerBackend server, boolean reused, long keygenNanos,
                 long enrolNanos) {
    }

    private EncryptedGalleryCache() {
    }

    /**
     * @param context       the run's cache and FHE settings
     * @param kind          what the stage holds, part of the hash (e.g. {@code hers-gallery-v1})
     * @param galleries     the plaintext galleries enrolled, part of the hash
     * @param rotationSteps rotation keys to generate besides relinearisation
     * @param enrollment    enrols the galleries into a fresh stage directory
     * @return the cached or freshly built stage
     * @throws IOException if the cached keys cannot be loaded
     */
    static Ready getOrBuild(SearchContext context, String kind, float[][][] galleries, int[] rotationSteps,
                            Enrollment enrollment) throws IOException {
        FheConfig fhe = context.fhe();
        SearchEngine backend = SearchEngines.byName(fhe.backend());
        CkksParametersLiteral params = CkksPresets.byName(fhe.preset()).literal();
        StageCache.Hasher hasher = new StageCache.Hasher().add(kind).add(backend.name()).add(params.toString());
        for (float[][] gallery : galleries) {
            hasher.add(gallery);
        }
        long[] keygenEnrol = new long[2];
        SearchKeySet[] fresh = new SearchKeySet[1];
        StageCache.Entry entry = new StageCache(context.cacheRoot()).getOrBuild("gallery", hasher.hex(), dir -> {
            long t0 = System.nanoTime();
            fresh[0] = backend.generateKeys(params, RandomSource.secure(), rotationSteps);
            backend.writeKeys(fresh[0], dir.resolve("keys"));
            long t1 = System.nanoTime();
            enrollment.enrol(fresh[0], dir);
            keygenEnrol[0] = t1 - t0;
            keygenEnrol[1] = System.nanoTime() - t1;
        });
        Path keys = entry.dir().resolve("keys");
        ClientBackend client = fresh[0] != null ? fresh[0].client() : backend.loadClient(keys, RandomSource.secure());
        if (!fhe.noiseFlooding()) {
            client = client.withoutNoiseFlooding();
        }
        ServerBackend server = fresh[0] != null ? fresh[0].server() : backend.loadServer(serverKeys(keys));
        return new Ready(entry.dir(), client, server, entry.reused(), keygenEnrol[0], keygenEnrol[1]);
    }

    /**
     * The server's view of a cached key directory: a sibling {@code server-keys} directory holding every
     * key file except the secret key (by name and by content), made on first use; server-side loaders
     * refuse a directory that holds the secret key.
     */
    private static Path serverKeys(Path keys) throws IOException {
        Path server = keys.resolveSibling("server-keys");
        if (Files.isDirectory(server)) {
            return server;
        }
        Path partial = keys.resolveSibling("server-keys.partial");
        Files.createDirectories(partial);
        try (var listing = Files.list(keys)) {
            for (Path file : listing.filter(Files::isRegularFile).toList()) {
                boolean secret = file.getFileName().toString().startsWith("secret");
                try {
                    CkksKeyFiles.requireNoSecretKey(file);
                } catch (IOException e) {
                    secret = true;
                }
                if (!secret) {
                    Files.copy(file, partial.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        org.hersj.fhe.io.AtomicFiles.publish(partial, server);
        return server;
    }
}
