package org.hersj.experiments.run;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to reproduce a run, written to {@code provenance.json}: which code (git commit, dirty
 * flag, HERS-J version), on what data (input files with SHA-256), with which seeds, on which machine and
 * JVM, and when.
 *
 * @param experiment  experiment name
 * @param runId       run id
 * @param hersVersion HERS-J version
 * @param command     the command line that started the run
 * @param git         code version
 * @param start       start time, ISO-8601 UTC
 * @param end         end time, ISO-8601 UTC
 * @param seeds       seeds by component ({@code run}, {@code dataset}, {@code protocol}, ...)
 * @param inputs      input files
 * @param environment machine and JVM
 */
public record Provenance(String experiment, String runId, String hersVersion, String command, Git git,
                         String start, String end, Map<String, Long> seeds, List<InputFile> inputs,
                         Environment environment) {

    /**
     * @param commit HEAD commit, or {@code unknown} outside a git checkout
     * @param dirty  whether tracked or untracked files differ from the commit
     */
    public record Git(String commit, boolean dirty) {
    }

    /**
     * @param role   what the file is ({@code config}, {@code features}, {@code labels})
     * @param path   absolute path
     * @param bytes  size
     * @param sha256 SHA-256 of the content, hex
     */
    public record InputFile(String role, String path, long bytes, String sha256) {
    }

    /**
     * @param javaVersion  {@code java.version}
     * @param javaVendor   {@code java.vendor}
     * @param jvm          {@code java.vm.name} and version
     * @param os           OS name and version
     * @param arch         CPU architecture
     * @param cpuModel     CPU model name from {@code /proc/cpuinfo}, or {@code unknown}
     * @param cores        available processors
     * @param maxHeapBytes JVM maximum heap
     */
    public record Environment(String javaVersion, String javaVendor, String jvm, String os, String arch,
                              String cpuModel, int cores, long maxHeapBytes) {
    }
}
