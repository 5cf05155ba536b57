/**
 * Base types every reducer shares: the {@link org.hersj.reduction.core.Reducer} interface (plain Java
 * arrays at the boundary), chunked inference with row validation and normalisation, the identity
 * reducer, row/matrix conversion, a small JSON writer and the atomic file writer every file of the module goes
 * through. Depends on ND4J and the JDK only.
 */
package org.hersj.reduction.core;
