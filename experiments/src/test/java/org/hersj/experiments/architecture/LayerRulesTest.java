package org.hersj.experiments.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one-way chain of layers, checked on the main sources of every module: a package may import its
 * own package and packages of LOWER layers only (not a sibling of its own layer, not a layer above it).
 * Maven's module dependencies already stop the engine from seeing the search layer; this test also holds
 * the order inside each module. A new package must be placed in {@link #LAYERS} (the test fails until it is).
 */
class LayerRulesTest {

  /** Layers, lowest first; packages of one layer may not import each other. Names are below org.hersj. */
  private static final List<List<String>> LAYERS = List.of(
      // fhe/engine: JDK only
      List.of("fhe", "fhe.arith", "fhe.io"),
      List.of("fhe.ring"),
      List.of("fhe.ckks"),
      List.of("fhe.ckks.io"),
      // fhe/search: the engine only
      List.of("fhe.search"),
      List.of("fhe.search.layout"),
      List.of("fhe.search.backend"),
      List.of("fhe.search.engine"),
      List.of("fhe.search.store", "fhe.search.backend.ckks"),
      List.of("fhe.search.enroll", "fhe.search.server", "fhe.search.client"),
      List.of("fhe.search.baseline"),
      List.of("fhe.search.twostage"),
      List.of("fhe.search.service"),
      // optional engine and cluster modules: the search layer only
      List.of("fhe.openfhe.jni", "fhe.spark"),
      // reduction: ND4J, never fhe
      List.of("reduction.core"),
      List.of("reduction.pca"),
      List.of("reduction.deepmds"),          // init: pca starts stages at PcaReducer's map
      List.of("reduction.io"),
      List.of("reduction"),
      // bench (JMH): fhe only
      List.of("bench", "bench.ring", "bench.ckks", "bench.search"),
      // experiments: everything below
      List.of("experiments", "experiments.io", "experiments.progress", "experiments.cache", "experiments.metrics"),
      List.of("experiments.data", "experiments.report"),
      List.of("experiments.data.synth", "experiments.protocol"),
      List.of("experiments.config"),
      List.of("experiments.search"),
      List.of("experiments.reduce", "experiments.encrypted", "experiments.bench.search"),
      List.of("experiments.bench.twostage"),
      List.of("experiments.bench"),
      List.of("experiments.run"),
      List.of("experiments.reproduce"),
      List.of("experiments.cli"));

  /** Module source roots, relative to the repository root. */
  private static final List<String> ROOTS = List.of("fhe/engine", "fhe/search", "fhe/openfhe", "fhe/spark",
      "reduction", "bench", "experiments");

  /** Which top-level parts each part may use at all (the Maven module rule, stated once more). */
  private static final Map<String, List<String>> MODULE_RULE = Map.of(
      "fhe.engine", List.of(),
      "fhe.search", List.of("fhe.engine"),
      "fhe.optional", List.of("fhe.engine", "fhe.search"),
      "reduction", List.of(),
      "bench", List.of("fhe.engine", "fhe.search"),
      // experiments uses fhe/spark for --spark-master; fhe/openfhe is reached through the engine SPI only
      // (experiments has no Maven dependency on it).
      "experiments", List.of("fhe.engine", "fhe.search", "fhe.optional", "reduction"));

  private static final Pattern PACKAGE = Pattern.compile("^package org\\.hersj\\.([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern IMPORT = Pattern.compile(
      "^import (?:static )?org\\.hersj\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]", Pattern.MULTILINE);

  @Test
  void everyImportPointsToALowerLayer() throws IOException {
    Map<String, Integer> rank = new TreeMap<>();
    for (int i = 0; i < LAYERS.size(); i++) {
      for (String p : LAYERS.get(i)) {
        rank.put(p, i);
      }
    }
    List<String> unplaced = new ArrayList<>();
    List<String> violations = new ArrayList<>();
    int files = 0;
    for (Path source : mainSources()) {
      String text = Files.readString(source, StandardCharsets.UTF_8);
      Matcher pm = PACKAGE.matcher(text);
      if (!pm.find()) {
        continue;
      }
      files++;
      String pkg = pm.group(1);
      if (!rank.containsKey(pkg)) {
        unplaced.add(pkg + " (" + source + ")");
        continue;
      }
      Matcher im = IMPORT.matcher(text);
      while (im.find()) {
        String target = im.group(1);
        if (target.equals(pkg)) {
          continue;
        }
        Integer to = rank.get(target);
        if (to == null) {
          unplaced.add(target + " (imported by " + source + ")");
        } else if (to >= rank.get(pkg) || !moduleMayUse(part(pkg), part(target))) {
          violations.add(source.getFileName() + ": " + pkg + " imports " + target
              + (to >= rank.get(pkg) ? " (same or higher layer)" : " (module rule)"));
        }
      }
    }
    assertTrue(files > 300, "expected the whole project's sources, read " + files + " files");
    assertEquals(List.of(), unplaced, "packages missing from LayerRulesTest.LAYERS: place each in its layer");
    assertEquals(List.of(), violations, "imports against the layer order");
  }

  @Test
  void theCheckCatchesAnUpwardImport() {
    // the engine importing the search layer must be refused by the rule itself
    assertTrue(!moduleMayUse(part("fhe.ckks"), part("fhe.search.store")));
    assertTrue(!moduleMayUse(part("reduction.deepmds"), part("fhe.ckks")));
    assertTrue(moduleMayUse(part("experiments.cli"), part("reduction.core")));
  }

  private static boolean moduleMayUse(String from, String to) {
    return from.equals(to) || MODULE_RULE.get(from).contains(to);
  }

  /** The part of the project a package belongs to (the Maven module, with the optional engines together). */
  private static String part(String pkg) {
    if (pkg.startsWith("fhe.search")) {
      return "fhe.search";
    }
    if (pkg.startsWith("fhe.openfhe") || pkg.startsWith("fhe.spark")) {
      return "fhe.optional";
    }
    if (pkg.startsWith("fhe")) {
      return "fhe.engine";
    }
    return pkg.contains(".") ? pkg.substring(0, pkg.indexOf('.')) : pkg;
  }

  private static List<Path> mainSources() throws IOException {
    Path repo = Path.of("").toAbsolutePath().getParent();
    List<Path> all = new ArrayList<>();
    for (String root : ROOTS) {
      Path dir = repo.resolve(root).resolve("src/main/java");
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.toString().endsWith(".java")).forEach(all::add);
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    return List.copyOf(new TreeSet<>(all));
  }
}
