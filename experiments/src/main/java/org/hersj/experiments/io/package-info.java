/**
 * File-writing helpers shared by the harness: atomic writes through a temporary file and a rename.
 * Depends on the JDK only.
 */
package org.hersj.experiments.io;
