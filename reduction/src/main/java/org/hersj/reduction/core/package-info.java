/**
 * Base types every reducer shares: the {@link org.hersj.reduction.core.Reducer} interface (plain Java
 * arrays at the boundary), chunked inference with row validation and normalisation, the identity
 * reducer, row/matrix conversion and a small JSON writer. Depends on ND4J and the JDK only.
 */
package org.hersj.reduction.core;
