package org.hersj.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.hersj.fhe.ckks.CkksPresets;
import org.hersj.fhe.ckks.io.ObjectType;
import org.hersj.fhe.ring.RandomSource;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link KeyDirectory#splitRoles} sorts the key owner's files into the role directories by the object type in
 * each file's frame, not by its name: with the files renamed so that the names lie (the secret key called
 * {@code public.key}, the public key {@code secret.key}, the relinearisation key {@code notes.key}), the server
 * and enroller directories still never receive the secret key, the enroller no evaluation key.
 */
class KeyDirectoryRolesTest {

    @TempDir
    Path dir;

    private static Set<ObjectType> types(Path roleDir) throws IOException {
        Set<ObjectType> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(roleDir)) {
            for (Path f : files.toList()) {
                ObjectType t = CkksKeyFiles.frameType(f);
                if (t != null) {
                    types.add(t);
                }
            }
        }
        return types;
    }

    @Test
    void filesGoToTheirRolesByContentWhateverTheirNames() throws IOException {
        SearchEngine engine = SearchEngines.byName("java");
        Path client = dir.resolve(KeyDirectory.CLIENT);
        engine.writeKeys(engine.generateKeys(CkksPresets.byName("SEARCH_N4096").literal(),
                RandomSource.seededForTestsOnly(5)), client);
        Files.move(client.resolve(CkksKeyFiles.PUBLIC), client.resolve("tmp"));
        Files.move(client.resolve(CkksKeyFiles.SECRET), client.resolve(CkksKeyFiles.PUBLIC));
        Files.move(client.resolve("tmp"), client.resolve(CkksKeyFiles.SECRET));
        Files.move(client.resolve(CkksKeyFiles.RELINEARIZATION), client.resolve("notes.key"));

        KeyDirectory.splitRoles(dir, engine);

        assertEquals(Set.of(ObjectType.PARAMETERS, ObjectType.PUBLIC_KEY, ObjectType.RELINEARIZATION_KEY),
                types(dir.resolve(KeyDirectory.SERVER)));
        assertEquals(Set.of(ObjectType.PARAMETERS, ObjectType.PUBLIC_KEY), types(dir.resolve(KeyDirectory.ENROLLER)));
        // the file named secret.key holds the public key, so it is copied; public.key (the secret key) is not
        assertTrue(Files.exists(dir.resolve(KeyDirectory.SERVER).resolve(CkksKeyFiles.SECRET)));
        assertFalse(Files.exists(dir.resolve(KeyDirectory.SERVER).resolve(CkksKeyFiles.PUBLIC)));
        assertTrue(Files.exists(dir.resolve(KeyDirectory.ENROLLER).resolve(CkksKeyFiles.MANIFEST)));
    }

    @Test
    void theFrameTypeIsReadFromTheFileHead() throws IOException {
        Path stray = dir.resolve("probe.ct");
        Files.write(stray, org.hersj.fhe.ckks.io.CkksSerializer.writeParameters(CkksPresets.byName("SEARCH_N4096")));
        assertEquals(ObjectType.PARAMETERS, CkksKeyFiles.frameType(stray));
        Files.write(stray, new byte[] {1, 2, 3});
        assertEquals(null, CkksKeyFiles.frameType(stray)); // too short to be a frame: every role, like the manifest
        assertEquals(Set.of(org.hersj.fhe.search.engine.KeyRole.values()), SearchEngines.byName("java").rolesOf(stray));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> CkksKeyFiles.frameType(dir.resolve("missing")));
    }
}
