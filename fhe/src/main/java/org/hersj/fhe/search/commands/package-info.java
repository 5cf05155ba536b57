/**
 * Entry points for the {@code hers} command line: one call per encrypted-search command on files,
 * wiring the CKKS backend's key files to the search roles. Depends on every search package and on the
 * engine only through {@code search.backend.ckks} and the parameter type.
 */
package org.hersj.fhe.search.commands;
