package org.hersj.experiments.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A run's results directory, {@code <results>/<experiment>/<run-id>/}, built under a hidden temporary
 * name and renamed into place only when complete, so a failed run leaves nothing behind (not even the
 * parent directories it had to create).
 */
public final class RunDirectory {

    /** Names inside {@code <results>/<experiment>/} that are not run directories. */
    private static final java.util.Set<String> RESERVED = java.util.Set.of("cache");

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path target;
    private final Path temp;
    private final List<Path> createdParents;

    private RunDirectory(Path target, Path temp, List<Path> createdParents) {
        this.target = target;
        this.temp = temp;
        this.createdParents = createdParents;
    }

    /**
     * Checks that a run can be written to {@code <resultsDir>/<experiment>/<runId>} without touching disk.
     *
     * @param resultsDir results root
     * @param experiment experiment name
     * @param runId      run id
     * @return the target path
     * @throws IllegalArgumentException if the run id is not a safe name or the target exists
     */
    public static Path plan(Path resultsDir, String experiment, String runId) {
        if (!SAFE.matcher(runId).matches()) {
            throw new IllegalArgumentException("run id '" + runId + "' is not valid; expected letters, digits, '.', '_' or '-'");
        }
        if (RESERVED.contains(runId)) {
            throw new IllegalArgumentException("run id '" + runId + "' is reserved (" + resultsDir.resolve(experiment)
                    .resolve(runId) + " holds the experiment's stage cache); choose another --run-id");
        }
        Path target = resultsDir.toAbsolutePath().normalize().resolve(experiment).resolve(runId);
        if (Files.exists(target)) {
            throw new IllegalArgumentException("run directory " + target + " already exists; choose another --run-id");
        }
        return target;
    }

    /**
     * Creates the temporary directory for a run.
     *
     * @param target the final run directory, from {@link #plan}
     * @return the open run directory
     * @throws IOException if it cannot be created
     */
    public static RunDirectory create(Path target) throws IOException {
        List<Path> created = new ArrayList<>();
        Path parent = target.getParent();
        List<Path> missing = new ArrayList<>();
        for (Path p = parent; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            created.add(0, p);
        }
        Path temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        if (Files.getFileStore(temp).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return new RunDirectory(target, temp, created);
    }

    /** @return the temporary directory to write into */
    public Path workDir() {
        return temp;
    }

    /**
     * Renames the temporary directory to the final name.
     *
     * @return the final run directory
     * @throws IOException if the target appeared meanwhile or the rename fails
     */
    public Path commit() throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        org.hersj.fhe.io.AtomicFiles.publish(temp, target);
        return target;
    }

    /** Deletes the temporary directory and any parent directories this run created, if now empty. */
    public void discard() {
        try {
            if (Files.exists(temp)) {
                try (Stream<Path> walk = Files.walk(temp)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
            for (Path p : createdParents) {
                try (Stream<Path> entries = Files.list(p)) {
                    if (entries.findAny().isPresent()) {
                        break;
                    }
                }
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: the original failure matters more than cleanup trouble
        }
    }
}
