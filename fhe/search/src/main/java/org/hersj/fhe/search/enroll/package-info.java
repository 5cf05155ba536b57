/**
 * Enrollment: streams feature rows from a {@link org.hersj.fhe.search.enroll.RowSource}, packs them
 * into records of the chosen layout, encrypts them on several threads and writes the gallery store
 * crash-safely and resumably. Never holds more than one record of rows per thread in memory.
 * Depends on {@code search.backend}, {@code search.layout}, {@code search.store}.
 */
package org.hersj.fhe.search.enroll;
