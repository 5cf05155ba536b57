/**
 * The reduction stage: the {@link org.hersj.experiments.reduce.Reducer} interface, its providers and the
 * identity reduction. The {@code reduction} module's methods plug in here. Depends on {@code data}.
 */
package org.hersj.experiments.reduce;
