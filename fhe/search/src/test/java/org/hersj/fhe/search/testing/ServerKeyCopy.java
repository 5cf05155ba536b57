package org.hersj.fhe.search.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.hersj.fhe.search.backend.ckks.CkksKeyFiles;

/**
 * The server's copy of a key owner's key directory: every file except the secret key, in a sibling
 * directory, as {@code hers keygen} writes KEYDIR/server (server-side loaders refuse a directory holding
 * the secret key).
 */
public final class ServerKeyCopy {

  private ServerKeyCopy() {
  }

  /** Copies {@code keys} without {@value CkksKeyFiles#SECRET} to {@code keys-server} and returns it. */
  public static Path of(Path keys) throws IOException {
    Path server = keys.resolveSibling(keys.getFileName() + "-server");
    Files.createDirectories(server);
    try (var listing = Files.list(keys)) {
      for (Path file : listing.filter(Files::isRegularFile).toList()) {
        if (!file.getFileName().toString().equals(CkksKeyFiles.SECRET)) {
          Files.copy(file, server.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return server;
  }
}
