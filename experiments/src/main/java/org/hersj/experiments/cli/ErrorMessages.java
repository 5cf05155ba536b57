package org.hersj.experiments.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.hersj.experiments.config.ConfigException;
import org.hersj.experiments.data.DataFormatException;

/**
 * Turns a failure into the one-line message the command line prints.
 */
final class ErrorMessages {

    private ErrorMessages() {
    }

    /**
     * @param e a failure
     * @return its message; for unexpected failures, the exception type as well
     */
    static String describe(Throwable e) {
        if (e instanceof ConfigException || e instanceof DataFormatException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof UncheckedIOException u) {
            return u.getCause() instanceof java.nio.file.FileSystemException f ? describe(f) : oneLine(u.getCause().getMessage());
        }
        if (e instanceof java.nio.file.AccessDeniedException a) {
            return "permission denied: " + a.getFile() + (a.getOtherFile() == null ? "" : " -> " + a.getOtherFile())
                    + "; check the file's and its directory's permissions";
        }
        if (e instanceof java.nio.file.NotDirectoryException n) {
            return n.getFile() + " is not a directory";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " already exists";
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "file not found: " + n.getFile();
        }
        if (e instanceof IOException) {
            return oneLine(e.getMessage());
        }
        if (e instanceof OutOfMemoryError) {
            return "out of memory (" + oneLine(e.getMessage()) + "); use fewer --threads or a larger heap"
                    + " (HERS_JAVA_OPTS=-Xmx...)";
        }
        if (e.getCause() instanceof java.nio.file.FileSystemException f && e.getCause() != e) {
            return describe(f);
        }
        return e.getClass().getSimpleName() + ": " + oneLine(String.valueOf(e.getMessage()))
                + " (run with --verbose for details)";
    }

    private static String oneLine(String text) {
        return text == null ? "(no message)" : text.replace('\n', ' ').replace('\r', ' ');
    }
}
