package org.hersj.experiments.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.hersj.fhe.io.Sha256;

/**
 * Gathers the facts recorded in {@link Provenance}: git state, environment, file hashes, version.
 */
public final class ProvenanceCollector {

    private ProvenanceCollector() {
    }

    /**
     * @param dir a directory inside the checkout to describe
     * @return its HEAD commit and dirty flag, or {@code unknown} if git is unavailable
     */
    public static Provenance.Git git(Path dir) {
        String commit = runGit(dir, "rev-parse", "HEAD");
        if (commit == null || commit.isBlank()) {
            return new Provenance.Git("unknown", false);
        }
        String status = runGit(dir, "status", "--porcelain");
        return new Provenance.Git(commit.trim(), status == null || !status.isBlank());
    }

    /** @return the JVM, OS and CPU of this machine */
    public static Provenance.Environment environment() {
        return new Provenance.Environment(System.getProperty("java.version"), System.getProperty("java.vendor"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + ", block product "
                        + org.hersj.fhe.ckks.Evaluator.blockProductKernel(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"), System.getProperty("os.arch"),
                cpuModel(), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory());
    }

    /**
     * @param role what the file is
     * @param file the file
     * @return its size and SHA-256
     */
    public static Provenance.InputFile inputFile(String role, Path file) {
        try {
            return new Provenance.InputFile(role, file.toAbsolutePath().toString(), Files.size(file),
                    Sha256.hexOfFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the HERS-J version from the build, or {@code unknown} */
    public static String hersVersion() {
        try (InputStream in = ProvenanceCollector.class.getResourceAsStream("/org/hersj/experiments/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        try {
            if (Files.isReadable(cpuinfo)) {
                List<String> lines = Files.readAllLines(cpuinfo, StandardCharsets.UTF_8);
                for (String line : lines) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "unknown";
    }

    private static String runGit(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroy();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
