package org.hersj.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hersj.fhe.io.AtomicFiles;
import org.hersj.fhe.search.engine.KeyRole;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchEngines;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;

/**
 * The key directory written by {@code hers keygen}: one subdirectory per role, so each role is handed
 * only what it may hold. {@value #CLIENT}/ has every key (the secret key owner-only), {@value #ENROLLER}/
 * the parameters and public key, {@value #SERVER}/ the parameters, public key and evaluation keys.
 * The engine is the one whose key set the directory holds ({@link SearchEngines#holding}).
 */
final class KeyDirectory {

    /** Subdirectory of the key owner (secret key). */
    static final String CLIENT = "client";
    /** Subdirectory of an enroller (public key only). */
    static final String ENROLLER = "enroller";
    /** Subdirectory of the search server (evaluation keys, no secret key). */
    static final String SERVER = "server";

    private KeyDirectory() {
    }

    /**
     * Copies the parts of the full key set in {@code root/client} that the other roles may hold into
     * {@code root/enroller} and {@code root/server}, each copy written atomically; {@code engine} decides each
     * file's roles by what it holds ({@link SearchEngine#rolesOf}: the object type in the frame for the java
     * engine), not by its name.
     */
    static void splitRoles(Path root, SearchEngine engine) throws IOException {
        Path client = root.resolve(CLIENT);
        Files.createDirectories(root.resolve(ENROLLER));
        Files.createDirectories(root.resolve(SERVER));
        for (Path file : files(client)) {
            Set<KeyRole> roles = engine.rolesOf(file);
            if (roles.contains(KeyRole.SERVER)) {
                copy(file, root.resolve(SERVER).resolve(file.getFileName()));
            }
            if (roles.contains(KeyRole.ENROLLER)) {
                copy(file, root.resolve(ENROLLER).resolve(file.getFileName()));
            }
        }
    }

    /**
     * @param dir a key directory written by {@code hers keygen} (one of its role subdirectories)
     * @return the engine whose keys it holds
     * @throws IllegalArgumentException naming the directory if it holds no key files
     */
    static SearchEngine backendOf(Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new IllegalArgumentException(dir + " is a file; pass the key directory written by 'hers keygen'"
                    + " (KEYDIR/" + CLIENT + ", KEYDIR/" + ENROLLER + " or KEYDIR/" + SERVER + ")");
        }
        if (Files.isDirectory(dir.resolve(CLIENT))) {
            throw new IllegalArgumentException(dir + " is the top of a key directory; pass its role subdirectory"
                    + " (" + dir.resolve(CLIENT) + ", " + dir.resolve(ENROLLER) + " or " + dir.resolve(SERVER) + ")");
        }
        return SearchEngines.holding(dir);
    }

    /**
     * Refuses a server key directory (or file) that holds a secret key.
     *
     * @throws IllegalArgumentException naming the secret key file
     */
    static void requireNoSecret(Path dir) throws IOException {
        if (Files.isRegularFile(dir) && isSecret(dir.getFileName().toString())) {
            throw new IllegalArgumentException("refusing to load " + dir + ": it is a secret key file, and the server"
                    + " must never hold the secret key; pass KEYDIR/" + SERVER);
        }
        if (Files.isDirectory(dir)) {
            for (Path file : files(dir)) {
                if (isSecret(file.getFileName().toString())) {
                    throw new IllegalArgumentException("refusing to use " + dir + " as server keys: it holds the secret"
                            + " key " + file + "; give the server only KEYDIR/" + SERVER);
                }
            }
        }
        CkksKeyFiles.requireNoSecretKey(dir); // by content too, whatever the file names
    }

    /** @return whether the directory {@code dir} holds a secret key file (the key owner's directory) */
    static boolean holdsSecret(Path dir) throws IOException {
        return Files.isDirectory(dir) && files(dir).stream().anyMatch(f -> isSecret(f.getFileName().toString()));
    }

    private static boolean isSecret(String name) {
        return name.startsWith("secret");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted()
                    .toList();
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        AtomicFiles.write(target, Files.readAllBytes(source), false);
    }
}
