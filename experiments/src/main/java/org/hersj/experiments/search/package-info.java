/**
 * The search stage: the {@link org.hersj.experiments.search.Searcher} interface, its result type, a
 * top-k heap and exact plaintext search. The {@code fhe} module's encrypted search plugs in here; a
 * two-stage search also returns its {@link org.hersj.experiments.search.TwoStageDetails}. Depends on
 * {@code progress}, {@code config} (the FHE and two-stage settings of a {@code SearchContext}) and the JDK.
 */
package org.hersj.experiments.search;
