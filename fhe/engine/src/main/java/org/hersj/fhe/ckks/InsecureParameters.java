package org.hersj.fhe.ckks;

/**
 * Whether this process may load parameters outside the HomomorphicEncryption.org security table from a
 * file (a {@code parameters.ckks} written with {@code allowInsecure}). Refused by default: a file cannot
 * lower the security of the keys a command uses. Only the command line decides, by saying
 * {@code --allow-insecure} ({@code hers} calls {@link #allowFromCommandLine} before every command and
 * {@link #refuse} otherwise); the command line is what experiment provenance records. Tests that read
 * toy parameters from files opt in the same way and {@link #refuse} afterwards.
 */
public final class InsecureParameters {

    private static volatile String allowedBy;

    private InsecureParameters() {
    }

    /**
     * Allows insecure parameters from files for the rest of this process (or until {@link #refuse}),
     * printing a loud warning on standard error.
     *
     * @param commandLine the command line that asked for it (named in the warning)
     */
    public static void allowFromCommandLine(String commandLine) {
        allowedBy = commandLine;
        System.err.println("*****************************************************************************");
        System.err.println("WARNING: --allow-insecure: CKKS parameters outside the security table are accepted");
        System.err.println("WARNING: from files in this run (" + commandLine + "). Use for tests only.");
        System.err.println("*****************************************************************************");
    }

    /** Refuses insecure parameters from files again (the default). */
    public static void refuse() {
        allowedBy = null;
    }

    /** @return whether the command line allowed insecure parameters from files */
    public static boolean allowed() {
        return allowedBy != null;
    }
}
