package org.hersj.fhe.ckks;

/**
 * Which CKKS parameters a reader accepts from a file: by default ({@link #SECURE_ONLY}) only parameters inside
 * the HomomorphicEncryption.org security table, so a file cannot lower the security of the keys a command
 * uses. Only a command line may allow more, by saying {@code --allow-insecure}: {@link #allowInsecure} names
 * that command line (which a run's provenance records). A value passed to each loading call, never process
 * state.
 *
 * @param insecureAllowedBy the command line that allowed insecure parameters, or null (refused)
 */
public record ParameterPolicy(String insecureAllowedBy) {

  /** Refuses parameters marked insecure (the default everywhere). */
  public static final ParameterPolicy SECURE_ONLY = new ParameterPolicy(null);

  /** Checks that an allowing command line is named. */
  public ParameterPolicy {
    if (insecureAllowedBy != null && insecureAllowedBy.isBlank()) {
      throw new IllegalArgumentException("name the command line that allows insecure parameters");
    }
  }

  /**
   * Accepts parameters outside the security table from files, as {@code commandLine} asked ({@code --allow-insecure};
   * tests with toy parameters name themselves).
   */
  public static ParameterPolicy allowInsecure(String commandLine) {
    if (commandLine == null) {
      throw new IllegalArgumentException("name the command line that allows insecure parameters");
    }
    return new ParameterPolicy(commandLine);
  }

  /** Whether parameters marked insecure may be read. */
  public boolean allowsInsecure() {
    return insecureAllowedBy != null;
  }
}
