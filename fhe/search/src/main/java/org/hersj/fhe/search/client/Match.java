package org.hersj.fhe.search.client;

/**
 * One ranked gallery item.
 *
 * @param item index of the item in the gallery (enrollment order)
 * @param score its (decrypted) similarity score
 */
public record Match(long item, double score) {
}
