package org.hersj.experiments.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The one check every command runs on a path it is about to write, before any work: it never replaces an
 * existing file unless {@code --force} was given, never writes over one of the command's inputs or into a key
 * directory, and says in one line what is wrong with a missing parent directory, a directory given as a file
 * or a directory the user cannot write in.
 */
final class OutputPaths {

    /** Files whose presence makes a directory a key directory written by {@code hers keygen}. */
    private static final Set<String> KEY_FILES = Set.of("keyset.sha256", "parameters.ckks", "parameters.openfhe",
            "public.key", "secret.key");

    private OutputPaths() {
    }

    /**
     * Checks a file the command will write.
     *
     * @param option the option naming it, e.g. {@code --out}
     * @param file   the path given
     * @param force  whether {@code --force} allows replacing an existing file
     * @param inputs the command's input files and directories (an output may be none of them, nor lie inside one)
     * @throws IllegalArgumentException naming the option, the path and what to do
     */
    static void checkFile(String option, Path file, boolean force, List<Path> inputs) {
        Path target = file.toAbsolutePath().normalize();
        refuseInputsAndKeys(option, file, target, inputs);
        if (Files.isDirectory(target)) {
            throw new IllegalArgumentException(option + " " + file + " is a directory; give the name of a file to write"
                    + " (e.g. " + file.resolve("out") + ")");
        }
        checkParent(option, file, target.getParent());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (!force) {
                throw new IllegalArgumentException(option + " " + file + " already exists; pass --force to replace it,"
                        + " or choose another name");
            }
            if (!Files.isWritable(target)) {
                throw new IllegalArgumentException(option + " " + file + ": permission denied (the file is not"
                        + " writable); choose another name");
            }
        }
    }

    /**
     * Checks a directory the command will create or fill (a gallery, a key directory, a dataset).
     *
     * @param option the option naming it
     * @param dir    the path given
     * @param inputs the command's inputs (the directory may be none of them, nor lie inside one)
     * @throws IllegalArgumentException naming the option, the path and what to do
     */
    static void checkDirectory(String option, Path dir, List<Path> inputs) {
        Path target = dir.toAbsolutePath().normalize();
        refuseInputsAndKeys(option, dir, target, inputs);
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IllegalArgumentException(option + " " + dir + " is a file; give a directory");
        }
        if (Files.isDirectory(target)) {
            if (!Files.isWritable(target)) {
                throw new IllegalArgumentException(option + " " + dir + ": permission denied (cannot write in it)");
            }
            return;
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new IllegalArgumentException(option + " " + dir + ": " + existing + " is a file, not a directory");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new IllegalArgumentException(option + " " + dir + ": permission denied (cannot create it in "
                    + existing + ")");
        }
    }

    private static void checkParent(String option, Path file, Path parent) {
        if (parent == null) {
            return;
        }
        if (!Files.exists(parent)) {
            throw new IllegalArgumentException(option + " " + file + ": directory " + parent + " does not exist;"
                    + " create it first (mkdir -p " + parent + ")");
        }
        if (!Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + " " + file + ": " + parent + " is a file, not a directory");
        }
        if (!Files.isWritable(parent)) {
            throw new IllegalArgumentException(option + " " + file + ": permission denied (cannot write in " + parent
                    + ")");
        }
    }

    private static void refuseInputsAndKeys(String option, Path given, Path target, List<Path> inputs) {
        Path real = realOrNormal(target);
        for (Path p = real; p != null; p = p.getParent()) {
            if (isKeyDirectory(p)) {
                throw new IllegalArgumentException(option + " " + given + " lies inside the key directory " + p
                        + "; never write outputs among key files");
            }
        }
        for (Path input : inputs) {
            if (input == null) {
                continue;
            }
            Path in = realOrNormal(input.toAbsolutePath().normalize());
            if (real.equals(in)) {
                throw new IllegalArgumentException(option + " " + given + " is also an input of this command; write"
                        + " the output elsewhere");
            }
            if (Files.isDirectory(in) && real.startsWith(in)) {
                throw new IllegalArgumentException(option + " " + given + " lies inside the input directory " + input
                        + "; write the output elsewhere");
            }
        }
    }

    /** Whether {@code dir} holds key files or is the top of a key directory ({@code client/} with key files). */
    static boolean isKeyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        for (String name : KEY_FILES) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return true;
            }
        }
        Path client = dir.resolve(KeyDirectory.CLIENT);
        return Files.isDirectory(client) && KEY_FILES.stream().anyMatch(n -> Files.isRegularFile(client.resolve(n)));
    }

    /** The real path (symbolic links resolved) of the longest existing prefix, with the rest appended. */
    private static Path realOrNormal(Path absolute) {
        Path existing = absolute;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest);
        } catch (IOException e) {
            return absolute;
        }
    }

    /**
     * @param paths paths, some possibly null
     * @return the non-null ones
     */
    static List<Path> inputs(Path... paths) {
        return java.util.Arrays.stream(paths).filter(Objects::nonNull).toList();
    }

    /** Writes a file at the path it is given (a record file, which refuses to replace an existing one). */
    @FunctionalInterface
    interface FileWriter {
        /**
         * @param file where to write
         * @throws IOException if writing fails
         */
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes {@code out} with {@code writer}; when {@code out} exists (allowed by {@code --force}, see
     * {@link #checkFile}), the new file is written under a temporary name beside it and renamed over it only
     * when complete, so a failure leaves the old file as it was.
     *
     * @throws IOException if writing fails
     */
    static void writeReplacing(Path out, FileWriter writer) throws IOException {
        Path target = out.toAbsolutePath();
        if (!Files.exists(target)) {
            writer.writeTo(out);
            return;
        }
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".new");
        try {
            writer.writeTo(temp);
            org.hersj.fhe.io.AtomicFiles.moveIntoPlace(temp, target);
        } finally {
            for (String suffix : new String[] {"", ".part", ".journal"}) {
                Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + suffix));
            }
        }
    }
}
