package org.hersj.fhe.search.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The engines on the class path, found with {@link ServiceLoader}: {@code java} always (this module), and
 * whatever else is there ({@code openfhe} when the optional {@code fhe/openfhe} module's jar is).
 */
public final class SearchEngines {

  /** The engine every build has: HERS-J's own pure-Java CKKS. */
  public static final String DEFAULT = "java";

  /** Engines the project knows of that may be absent, with what to do to get each. */
  private static final Map<String, String> OPTIONAL = Map.of("openfhe",
      "install OpenFHE (https://openfhe-development.readthedocs.io), build HERS-J with"
          + " 'mvn -Dopenfhe.home=<OpenFHE install prefix> install' and put the hers-openfhe jar on the class"
          + " path (./hers does when it is built); or use the java engine");

  private SearchEngines() {
  }

  /** The names of the engines on the class path, in service order ({@code java} first). */
  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (SearchEngine e : all()) {
      names.add(e.name());
    }
    return names;
  }

  /**
   * The engine named {@code name} (case-insensitive, trimmed).
   *
   * @throws EngineUnavailableException if it is a known optional engine that is not on the class path,
   *         saying how to get it
   * @throws IllegalArgumentException if no engine has that name, listing the names there are
   */
  public static SearchEngine byName(String name) {
    String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    for (SearchEngine e : all()) {
      if (e.name().equals(wanted)) {
        return e;
      }
    }
    if (OPTIONAL.containsKey(wanted)) {
      throw new EngineUnavailableException("engine '" + wanted + "' was requested, but its module is not on the"
          + " class path: " + OPTIONAL.get(wanted), null);
    }
    List<String> known = new ArrayList<>(names());
    OPTIONAL.keySet().stream().filter(k -> !known.contains(k)).sorted().forEach(known::add);
    throw new IllegalArgumentException("unknown engine '" + name + "'; expected one of " + known);
  }

  /** Whether an engine named {@code name} is on the class path. */
  public static boolean isPresent(String name) {
    return names().contains(name == null ? "" : name.trim().toLowerCase(Locale.ROOT));
  }

  /**
   * The engine whose keys {@code dir} holds.
   *
   * @throws IllegalArgumentException naming the directory if no engine on the class path recognises it
   */
  public static SearchEngine holding(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(dir + (Files.exists(dir) ? " is a file" : " does not exist")
          + "; pass a key directory written by 'hers keygen'");
    }
    for (SearchEngine e : all()) {
      if (e.holdsKeys(dir)) {
        return e;
      }
    }
    throw new IllegalArgumentException(dir + " holds no key set of the engines on the class path " + names()
        + "; pass a directory written by 'hers keygen'");
  }

  private static List<SearchEngine> all() {
    List<SearchEngine> engines = new ArrayList<>();
    try {
      for (SearchEngine e : ServiceLoader.load(SearchEngine.class, SearchEngines.class.getClassLoader())) {
        engines.add(e);
      }
    } catch (ServiceConfigurationError e) {
      throw new EngineUnavailableException("a search engine on the class path could not be loaded (" + e.getMessage()
          + "); remove the broken jar or rebuild it with this version of HERS-J", e);
    }
    engines.sort((a, b) -> a.name().equals(DEFAULT) ? -1 : b.name().equals(DEFAULT) ? 1 : a.name().compareTo(b.name()));
    return engines;
  }
}
