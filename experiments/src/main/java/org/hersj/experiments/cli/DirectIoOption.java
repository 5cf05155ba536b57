package org.hersj.experiments.cli;

import org.hersj.fhe.search.store.ReadMode;
import picocli.CommandLine.Option;

/**
 * {@code --direct-io}: the server reads galleries around the page cache ({@link ReadMode#DIRECT}), for galleries
 * searched from disk; without it, through the page cache.
 */
final class DirectIoOption {

    @Option(names = "--direct-io",
            description = "Read the gallery around the page cache (O_DIRECT, on a file system that has it: ext4,"
                + " XFS), so every search reads the disk: for galleries searched from disk (larger than the memory, or"
                + " searched once), where filling the page cache costs more CPU than the reads. Default: through the"
                + " page cache.")
    boolean direct;

    /** @return how the gallery is to be read */
    ReadMode readMode() {
        return direct ? ReadMode.DIRECT : ReadMode.CACHED;
    }
}
