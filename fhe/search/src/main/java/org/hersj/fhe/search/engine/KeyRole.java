package org.hersj.fhe.search.engine;

/**
 * The roles of a key directory written by {@code hers keygen}: each role's subdirectory holds only the key
 * files that role may hold ({@link SearchEngine#rolesOf}).
 */
public enum KeyRole {
  /** The key owner: every key, the secret key included. */
  CLIENT,
  /** An enroller: the parameters and the public key. */
  ENROLLER,
  /** The search server: the parameters, the public key and the evaluation keys, never the secret key. */
  SERVER
}
