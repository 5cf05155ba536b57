/**
 * Layout arithmetic of encrypted galleries: which items a block (record) holds, how many ciphertexts
 * a record has, how rows are transposed into slot columns, and the operation counts of each layout
 * for the complexity comparison. Pure arithmetic; depends on the JDK only.
 */
package org.hersj.fhe.search.layout;
