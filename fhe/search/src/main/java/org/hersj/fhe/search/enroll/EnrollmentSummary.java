package org.hersj.fhe.search.enroll;

/**
 * What an enrollment did.
 *
 * @param records records in the gallery
 * @param resumedRecords records found already written by an interrupted earlier run and skipped
 * @param seconds wall-clock time of this run
 */
public record EnrollmentSummary(long records, long resumedRecords, double seconds) {
}
