/**
 * The stage cache: finished fitted models and encrypted galleries kept by the SHA-256 of their inputs and
 * settings, so an interrupted sweep resumes where it stopped. Depends on the JDK only.
 */
package org.hersj.experiments.cache;
