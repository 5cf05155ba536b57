package org.hersj.fhe.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.hersj.fhe.io.Sha256;
import org.hersj.fhe.search.backend.EncryptionBackend;
import org.hersj.fhe.search.backend.ServerBackend;
import org.hersj.fhe.search.engine.SearchEngine;
import org.hersj.fhe.search.engine.SearchEngines;
import org.hersj.fhe.ring.RandomSource;

/**
 * The files of an enroller or server key directory as bytes, to broadcast to tasks once. Refuses a
 * directory holding a secret key, so what is broadcast is public material only; on an executor the
 * files are written to a private temporary directory once per JVM and loaded with the engine's own
 * key loader (which checks them as on one machine). Backends are cached per JVM by content hash.
 *
 * @param engine name of the engine whose keys these are ({@link SearchEngines#byName})
 * @param files file name to contents
 * @param sha256 hash over names and contents (the cache key)
 */
public record KeyBundle(String engine, Map<String, byte[]> files, String sha256) implements Serializable {

  private static final Map<String, Object> CACHE = new ConcurrentHashMap<>();

  /**
   * Reads the key directory {@code dir}; its engine is recognised from its files.
   *
   * @throws IllegalArgumentException naming the secret key file if there is one
   */
  public static KeyBundle read(Path dir) throws IOException {
    String engine = SearchEngines.holding(dir).name();
    Map<String, byte[]> files = new TreeMap<>();
    StringBuilder all = new StringBuilder();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.filter(Files::isRegularFile).sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith("secret")) {
          throw new IllegalArgumentException("refusing to send " + dir + " to Spark tasks: it holds the secret key "
              + file + "; pass KEYDIR/enroller or KEYDIR/server");
        }
        if (name.startsWith(".")) {
          continue;
        }
        byte[] bytes = Files.readAllBytes(file);
        files.put(name, bytes);
        all.append(name).append(' ').append(Sha256.hex(bytes)).append('\n');
      }
    }
    return new KeyBundle(engine, files, Sha256.hex(all.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** Total bytes of the key files (what one broadcast ships). */
  public long bytes() {
    return files.values().stream().mapToLong(b -> b.length).sum();
  }

  /** The public-key enroller these files make, built once per JVM. */
  public EncryptionBackend enroller() throws IOException {
    return (EncryptionBackend) cached("enroller", () -> fromFiles(dir -> searchEngine().loadEnroller(dir,
        RandomSource.secure())));
  }

  /** The server backend these files make (evaluation keys only), built once per JVM. */
  public ServerBackend server() throws IOException {
    return (ServerBackend) cached("server", () -> fromFiles(dir -> searchEngine().loadServer(dir)));
  }

  private SearchEngine searchEngine() {
    return SearchEngines.byName(engine);
  }

  /** Loads a backend from the files written to a private temporary directory, deleted afterwards. */
  private Object fromFiles(DirLoader loader) throws IOException {
    Path dir = Files.createTempDirectory("hers-keys-");
    try {
      for (Map.Entry<String, byte[]> e : files.entrySet()) {
        Files.write(dir.resolve(e.getKey()), e.getValue());
      }
      return loader.load(dir);
    } finally {
      ShardDirectory.deleteTree(dir);
    }
  }

  /** Loads a backend from a key directory. */
  interface DirLoader {
    Object load(Path dir) throws IOException;
  }

  /** Loads a value once per JVM. */
  interface Loader {
    Object load() throws IOException;
  }

  private Object cached(String role, Loader loader) throws IOException {
    String key = role + ":" + sha256;
    Object value = CACHE.get(key);
    if (value == null) {
      synchronized (CACHE) {
        value = CACHE.get(key);
        if (value == null) {
          value = loader.load();
          CACHE.put(key, value);
        }
      }
    }
    return value;
  }
}
