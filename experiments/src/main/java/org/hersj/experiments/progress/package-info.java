/**
 * The progress callback through which long steps report how far they are. Depends on nothing; every
 * other package of the harness may use it.
 */
package org.hersj.experiments.progress;
