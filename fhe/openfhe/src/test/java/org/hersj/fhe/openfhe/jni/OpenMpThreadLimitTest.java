package org.hersj.fhe.openfhe.jni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * With {@code OMP_NUM_THREADS} unset OpenFHE would use every core inside each operation (measured
 * 10-50x slower on a busy machine); building a context with the default settings must limit it to one
 * OpenMP thread per operation.
 */
class OpenMpThreadLimitTest {

    @Test
    void defaultSettingsLimitOpenFheToOneThreadWithoutOmpNumThreads() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ThreadLimitWorker.class.getName())
                .redirectErrorStream(true);
        builder.environment().remove("OMP_NUM_THREADS");
        Process worker = builder.start();
        assertTrue(worker.waitFor(120, TimeUnit.SECONDS), "worker did not finish");
        String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, worker.exitValue(), output);
        String[] lines = output.split("\n");
        String[] limits = lines[lines.length - 1].trim().split(" ");
        assertEquals(Runtime.getRuntime().availableProcessors(), Integer.parseInt(limits[0]),
                "without OMP_NUM_THREADS OpenFHE starts with one thread per core: " + output);
        assertEquals(1, Integer.parseInt(limits[1]), output);
    }
}
