/**
 * The search stage: the {@link org.hersj.experiments.search.Searcher} interface, its result type, a
 * top-k heap and exact plaintext search. The {@code fhe} module's encrypted search plugs in here.
 * Depends on {@code progress} and the JDK.
 */
package org.hersj.experiments.search;
